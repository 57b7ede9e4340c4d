package io.switchboard.inventory.vnf;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface VnfPackageRepository
    extends JpaRepository<VnfPackage, String>, JpaSpecificationExecutor<VnfPackage> {
  boolean existsByProviderAndProductNameAndSoftwareVersion(
      String provider, String productName, String softwareVersion);
}
