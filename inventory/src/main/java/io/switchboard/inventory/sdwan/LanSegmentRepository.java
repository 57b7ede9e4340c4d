package io.switchboard.inventory.sdwan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface LanSegmentRepository
    extends JpaRepository<LanSegment, String>, JpaSpecificationExecutor<LanSegment> {
  List<LanSegment> findBySiteIdOrderByName(String siteId);

  List<LanSegment> findBySiteIdIn(Collection<String> siteIds);

  boolean existsBySiteIdAndName(String siteId, String name);
}
