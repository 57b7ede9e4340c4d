package io.switchboard.inventory.firewall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface AddressObjectRepository
    extends JpaRepository<AddressObject, String>, JpaSpecificationExecutor<AddressObject> {
  boolean existsByTenantIdAndName(String tenantId, String name);

  Optional<AddressObject> findByTenantIdAndName(String tenantId, String name);

  List<AddressObject> findByTenantIdOrderByName(String tenantId);
}
