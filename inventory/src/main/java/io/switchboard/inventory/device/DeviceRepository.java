package io.switchboard.inventory.device;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DeviceRepository extends JpaRepository<Device, String>, JpaSpecificationExecutor<Device> {
  Optional<Device> findBySerialNumber(String serialNumber);

  boolean existsBySerialNumber(String serialNumber);

  long countBySiteId(String siteId);

  long countByTenantId(String tenantId);

  long countByModelId(String modelId);
}
