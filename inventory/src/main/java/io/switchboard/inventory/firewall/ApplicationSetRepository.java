package io.switchboard.inventory.firewall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ApplicationSetRepository
    extends JpaRepository<ApplicationSet, String>, JpaSpecificationExecutor<ApplicationSet> {
  boolean existsByTenantIdAndName(String tenantId, String name);

  Optional<ApplicationSet> findByTenantIdAndName(String tenantId, String name);

  List<ApplicationSet> findByTenantIdOrderByName(String tenantId);
}
