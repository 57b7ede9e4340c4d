package io.switchboard.inventory.vnf;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface VnfInstanceRepository
    extends JpaRepository<VnfInstance, String>, JpaSpecificationExecutor<VnfInstance> {
  boolean existsByDeviceIdAndName(String deviceId, String name);

  boolean existsByDeviceIdAndWanVlan(String deviceId, int wanVlan);

  List<VnfInstance> findByDeviceId(String deviceId);

  boolean existsByPackageId(String packageId);

  List<VnfInstance> findByState(VnfInstanceState state);
}
