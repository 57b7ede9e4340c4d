package io.switchboard.inventory.sdwan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface OverlayRepository
    extends JpaRepository<Overlay, String>, JpaSpecificationExecutor<Overlay> {
  boolean existsByTenantIdAndName(String tenantId, String name);

  List<Overlay> findByTenantIdAndState(String tenantId, OverlayState state);
}
