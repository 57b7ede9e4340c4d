package io.switchboard.inventory.sdwan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TunnelRepository
    extends JpaRepository<Tunnel, String>, JpaSpecificationExecutor<Tunnel> {
  List<Tunnel> findByOverlayIdOrderByNumber(String overlayId);
}
