package io.switchboard.inventory.firewall;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SecurityZoneRepository
    extends JpaRepository<SecurityZone, String>, JpaSpecificationExecutor<SecurityZone> {
  boolean existsBySiteIdAndName(String siteId, String name);

  List<SecurityZone> findBySiteIdOrderByName(String siteId);

  boolean existsByTenantIdAndName(String tenantId, String name);
}
