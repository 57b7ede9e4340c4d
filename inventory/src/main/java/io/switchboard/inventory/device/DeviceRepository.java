package io.switchboard.inventory.device;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DeviceRepository
    extends JpaRepository<Device, String>, JpaSpecificationExecutor<Device> {
  Optional<Device> findBySerialNumber(String serialNumber);

  long countBySiteId(String siteId);

  long countByTenantId(String tenantId);

  long countByModelId(String modelId);

  /**
   * Records where a device says it can be reached. A targeted update that cannot fail on a
   * concurrent change (the phone-home request must not be lost), but bumps the version so that a
   * worker holding an older copy fails its save and retries rather than writing the old address
   * back.
   */
  @org.springframework.transaction.annotation.Transactional
  @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
  @org.springframework.data.jpa.repository.Query(
      "update Device d set d.managementAddress = :address, d.netconfPort = :port,"
          + " d.lockVersion = d.lockVersion + 1 where d.id = :id")
  int updateReachability(
      @org.springframework.data.repository.query.Param("id") String id,
      @org.springframework.data.repository.query.Param("address") String address,
      @org.springframework.data.repository.query.Param("port") Integer port);
}
