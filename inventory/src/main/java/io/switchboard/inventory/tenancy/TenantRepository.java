package io.switchboard.inventory.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TenantRepository
    extends JpaRepository<Tenant, String>, JpaSpecificationExecutor<Tenant> {
  boolean existsByName(String name);

  long countByOpcoId(String opcoId);
}
