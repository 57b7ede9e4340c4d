package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.site.Site;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OverlayMemberRepository
    extends JpaRepository<OverlayMember, String>, JpaSpecificationExecutor<OverlayMember> {
  List<OverlayMember> findByOverlayId(String overlayId);

  Optional<OverlayMember> findByOverlayIdAndSiteId(String overlayId, String siteId);

  List<OverlayMember> findBySiteId(String siteId);

  List<OverlayMember> findBySiteIdIn(java.util.Collection<String> siteIds);

  /**
   * The sites of every row of the overlay, locked ({@code select ... for update}, in id order so
   * that two callers cannot deadlock) until the caller's transaction ends: overlays planning on a
   * shared device take turns, so they cannot pick the same st0 unit there.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select s from Site s where s.id in"
          + " (select m.siteId from OverlayMember m where m.overlayId = :overlayId) order by s.id")
  List<Site> lockSitesOf(String overlayId);
}
