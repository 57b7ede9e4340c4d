package io.switchboard.api.tenancy;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of tenants. A tenant lives under an operating company (an OpCo admin's always under
 * its own) or directly under the provider; names are unique per operating company, which the caller
 * sees entirely, so a clash is a 409 that reveals nothing of other resellers' customers.
 */
@Service
public class TenantService {
  /** A page of the tenants the caller may read, narrowed by {@code filter}. */
  @Transactional(readOnly = true)
  public Page<Tenant> list(AccessScope scope, Specification<Tenant> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.TENANTS);
    return inventory.tenants().page(scope, filter, pageable);
  }

  /** The create body: the operating company is chosen once. */
  public record TenantRequest(
      @Size(max = 36) @SafeText String opcoId,
      @NotBlank @Size(max = 120) @SafeText String name,
      @Size(max = 500) @SafeText(multiline = true) String description) {}

  /** The replace and patch body: what may change after creation. */
  public record TenantUpdate(
      @NotBlank @Size(max = 120) @SafeText String name,
      @Size(max = 500) @SafeText(multiline = true) String description) {
    static TenantUpdate of(Tenant t) {
      return new TenantUpdate(t.getName(), t.getDescription());
    }
  }

  private final ScopedInventory inventory;
  private final TenantRepository tenants;
  private final SiteRepository sites;
  private final DeviceRepository devices;

  public TenantService(
      ScopedInventory inventory,
      TenantRepository tenants,
      SiteRepository sites,
      DeviceRepository devices) {
    this.inventory = inventory;
    this.tenants = tenants;
    this.sites = sites;
    this.devices = devices;
  }

  /** The tenant with {@code id} if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public Tenant get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.TENANTS);
    return find(scope, id);
  }

  /**
   * Creates a tenant; an OpCo admin's goes under its own operating company (naming another is 422),
   * and the name must be free in that operating company (409).
   */
  @Transactional
  public Tenant create(AccessScope scope, TenantRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.TENANTS);
    String opcoId = request.opcoId();
    if (scope.isOpco()) {
      if (opcoId != null && !opcoId.equals(scope.opcoId())) {
        throw ApiException.unprocessable("opcoId", "operating company '" + opcoId + "' not found");
      }
      opcoId = scope.opcoId();
    } else {
      InScope.requireReference(inventory.opcos(), scope, "opcoId", "operating company", opcoId);
    }
    requireFreeName(opcoId, null, request.name());
    return tenants.save(new Tenant(opcoId, request.name(), request.description()));
  }

  /**
   * Updates a tenant with what {@code change} makes of its current state (a replacement or a merge
   * patch); 404 out of scope, 409 when the new name is taken in its operating company.
   */
  @Transactional
  public Tenant update(AccessScope scope, String id, UnaryOperator<TenantUpdate> change) {
    Permissions.require(scope, Action.WRITE, Resource.TENANTS);
    Tenant tenant = find(scope, id);
    TenantUpdate request = change.apply(TenantUpdate.of(tenant));
    requireFreeName(tenant.getOpcoId(), tenant.getName(), request.name());
    tenant.setName(request.name());
    tenant.setDescription(request.description());
    return tenants.save(tenant);
  }

  /** Deletes a tenant that has no sites and no devices (409 while it has). */
  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.TENANTS);
    Tenant tenant = find(scope, id);
    InScope.requireNoDependants(
        sites.countByTenantId(id) + devices.countByTenantId(id),
        "tenant '" + id + "' still has sites or devices");
    tenants.delete(tenant);
  }

  private void requireFreeName(String opcoId, String current, String name) {
    InScope.requireUnique(
        current,
        name,
        wanted -> tenants.existsInOpco(opcoId, wanted),
        "name",
        "a tenant named '" + name + "' exists already");
  }

  private Tenant find(AccessScope scope, String id) {
    return InScope.findOr404(inventory.tenants(), scope, "Tenant", id);
  }
}
