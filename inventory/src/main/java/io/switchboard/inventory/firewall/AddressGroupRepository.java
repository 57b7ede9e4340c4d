package io.switchboard.inventory.firewall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface AddressGroupRepository
    extends JpaRepository<AddressGroup, String>, JpaSpecificationExecutor<AddressGroup> {
  boolean existsByTenantIdAndName(String tenantId, String name);

  Optional<AddressGroup> findByTenantIdAndName(String tenantId, String name);

  List<AddressGroup> findByTenantIdOrderByName(String tenantId);
}
