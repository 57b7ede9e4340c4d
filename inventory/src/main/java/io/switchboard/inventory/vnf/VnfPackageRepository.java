package io.switchboard.inventory.vnf;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface VnfPackageRepository
    extends JpaRepository<VnfPackage, String>, JpaSpecificationExecutor<VnfPackage> {
  boolean existsByProviderAndProductNameAndSoftwareVersion(
      String provider, String productName, String softwareVersion);

  /** The package whose image has this SHA-256 (what a VNF image link names). */
  Optional<VnfPackage> findFirstByImageSha256(String imageSha256);
}
