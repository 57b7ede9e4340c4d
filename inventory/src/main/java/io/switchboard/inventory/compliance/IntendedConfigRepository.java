package io.switchboard.inventory.compliance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntendedConfigRepository extends JpaRepository<IntendedConfig, String> {
  Optional<IntendedConfig> findByDeviceIdAndPart(String deviceId, String part);

  List<IntendedConfig> findByDeviceIdOrderByPartAsc(String deviceId);

  List<IntendedConfig> findByDeviceIdOrderByUpdatedAtAsc(String deviceId);
}
