package io.switchboard.inventory.image;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SoftwareImageRepository
    extends JpaRepository<SoftwareImage, String>, JpaSpecificationExecutor<SoftwareImage> {
  boolean existsByModelFamilyAndVersion(String modelFamily, String version);

  java.util.Optional<SoftwareImage> findByModelFamilyAndVersion(String modelFamily, String version);

  java.util.Optional<SoftwareImage> findFirstBySha256(String sha256);
}
