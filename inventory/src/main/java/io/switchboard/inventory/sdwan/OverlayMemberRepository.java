package io.switchboard.inventory.sdwan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface OverlayMemberRepository
    extends JpaRepository<OverlayMember, String>, JpaSpecificationExecutor<OverlayMember> {
  List<OverlayMember> findByOverlayId(String overlayId);

  Optional<OverlayMember> findByOverlayIdAndSiteId(String overlayId, String siteId);

  List<OverlayMember> findBySiteId(String siteId);
}
