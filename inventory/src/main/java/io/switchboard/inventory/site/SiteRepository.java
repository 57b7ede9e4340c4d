package io.switchboard.inventory.site;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SiteRepository
    extends JpaRepository<Site, String>, JpaSpecificationExecutor<Site> {
  boolean existsByTenantIdAndName(String tenantId, String name);

  long countByTenantId(String tenantId);
}
