package io.switchboard.inventory.sdwan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface WanLinkRepository
    extends JpaRepository<WanLink, String>, JpaSpecificationExecutor<WanLink> {
  List<WanLink> findBySiteIdOrderByPriorityAscInterfaceNameAsc(String siteId);

  List<WanLink> findBySiteIdIn(Collection<String> siteIds);

  boolean existsBySiteIdAndInterfaceName(String siteId, String interfaceName);
}
