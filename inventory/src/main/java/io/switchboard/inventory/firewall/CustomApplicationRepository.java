package io.switchboard.inventory.firewall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CustomApplicationRepository
    extends JpaRepository<CustomApplication, String>, JpaSpecificationExecutor<CustomApplication> {
  boolean existsByTenantIdAndName(String tenantId, String name);

  Optional<CustomApplication> findByTenantIdAndName(String tenantId, String name);

  List<CustomApplication> findByTenantIdOrderByName(String tenantId);
}
