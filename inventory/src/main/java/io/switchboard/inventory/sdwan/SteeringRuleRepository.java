package io.switchboard.inventory.sdwan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SteeringRuleRepository
    extends JpaRepository<SteeringRule, String>, JpaSpecificationExecutor<SteeringRule> {
  List<SteeringRule> findByOverlayIdOrderByRuleOrder(String overlayId);

  void deleteByOverlayId(String overlayId);
}
