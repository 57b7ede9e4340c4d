package io.switchboard.inventory.device;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DeviceModelRepository
    extends JpaRepository<DeviceModel, String>, JpaSpecificationExecutor<DeviceModel> {
  boolean existsByName(String name);
}
