package io.switchboard.inventory.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TenantRepository
    extends JpaRepository<Tenant, String>, JpaSpecificationExecutor<Tenant> {
  /** Whether the operating company (null: the provider itself) has a tenant of this name. */
  default boolean existsInOpco(String opcoId, String name) {
    return opcoId == null ? existsByOpcoIdIsNullAndName(name) : existsByOpcoIdAndName(opcoId, name);
  }

  boolean existsByOpcoIdAndName(String opcoId, String name);

  boolean existsByOpcoIdIsNullAndName(String name);

  long countByOpcoId(String opcoId);
}
