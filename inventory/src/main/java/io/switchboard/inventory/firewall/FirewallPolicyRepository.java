package io.switchboard.inventory.firewall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface FirewallPolicyRepository
    extends JpaRepository<FirewallPolicy, String>, JpaSpecificationExecutor<FirewallPolicy> {
  boolean existsByTenantIdAndName(String tenantId, String name);

  Optional<FirewallPolicy> findByTenantIdAndName(String tenantId, String name);

  List<FirewallPolicy> findByTenantIdOrderByName(String tenantId);
}
