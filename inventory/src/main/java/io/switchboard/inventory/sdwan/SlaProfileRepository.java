package io.switchboard.inventory.sdwan;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SlaProfileRepository
    extends JpaRepository<SlaProfile, String>, JpaSpecificationExecutor<SlaProfile> {
  boolean existsByTenantIdAndName(String tenantId, String name);
}
