package io.switchboard.inventory.sdwan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TunnelRepository
    extends JpaRepository<Tunnel, String>, JpaSpecificationExecutor<Tunnel> {
  List<Tunnel> findByOverlayIdOrderByNumber(String overlayId);

  /** Every tunnel, of any overlay, with an end at one of the sites. */
  @Query("select t from Tunnel t where t.aSiteId in :sites or t.bSiteId in :sites")
  List<Tunnel> findEndingAt(@Param("sites") Collection<String> sites);
}
