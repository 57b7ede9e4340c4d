package io.switchboard.inventory.compliance;

import io.switchboard.inventory.device.Device;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The devices a compliance check covers: those in service ({@code ACTIVE}), by serial. */
public interface ComplianceTargetRepository extends Repository<Device, String> {
  @Query(
      "select d.id from Device d where d.lifecycleState ="
          + " io.switchboard.inventory.device.DeviceLifecycle.ACTIVE order by d.serialNumber")
  List<String> activeDeviceIds();

  @Query(
      "select d.id from Device d where d.tenantId = :tenantId and d.lifecycleState ="
          + " io.switchboard.inventory.device.DeviceLifecycle.ACTIVE order by d.serialNumber")
  List<String> activeDeviceIdsOfTenant(@Param("tenantId") String tenantId);
}
