package io.switchboard.inventory.firewall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PolicyVersionRepository extends JpaRepository<PolicyVersion, String> {
  List<PolicyVersion> findByPolicyIdOrderByNumberDesc(String policyId);

  Optional<PolicyVersion> findByPolicyIdAndNumber(String policyId, int number);

  long countByPolicyId(String policyId);
}
