package io.switchboard.api.tenancy;

import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenants (customers), under an operating company or directly under the provider. Names are unique
 * per operating company, so one reseller never learns the names of another's customers.
 */
@RestController
@RequestMapping("/api/v1/tenants")
public class TenantController {
  public record TenantRequest(
      @Size(max = 36) @SafeText String opcoId,
      @NotBlank @Size(max = 120) @SafeText String name,
      @Size(max = 500) @SafeText(multiline = true) String description) {}

  public record TenantUpdate(
      @NotBlank @Size(max = 120) @SafeText String name,
      @Size(max = 500) @SafeText(multiline = true) String description) {}

  public record TenantView(
      String id,
      String opcoId,
      String name,
      String description,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static TenantView of(Tenant t) {
      return new TenantView(
          t.getId(),
          t.getOpcoId(),
          t.getName(),
          t.getDescription(),
          t.getLockVersion(),
          t.getCreatedAt(),
          t.getUpdatedAt());
    }
  }

  private final ScopedInventory inventory;
  private final TenantRepository tenants;
  private final SiteRepository sites;
  private final DeviceRepository devices;

  public TenantController(
      ScopedInventory inventory,
      TenantRepository tenants,
      SiteRepository sites,
      DeviceRepository devices) {
    this.inventory = inventory;
    this.tenants = tenants;
    this.sites = sites;
    this.devices = devices;
  }

  @GetMapping
  public PageResponse<TenantView> list(
      @RequestParam(required = false) String opcoId,
      @RequestParam(required = false) String name,
      Pageable pageable) {
    AccessScope scope = CurrentScope.require(Action.READ, Resource.TENANTS);
    return PageResponse.of(
        inventory
            .tenants()
            .page(
                scope,
                Filters.<Tenant>equal("opcoId", opcoId)
                    .and(Filters.containsIgnoreCase("name", name)),
                Paging.of(pageable, Set.of("name", "createdAt"), Sort.by("name"))),
        TenantView::of);
  }

  @GetMapping("/{id}")
  public TenantView get(@PathVariable String id) {
    return TenantView.of(find(CurrentScope.require(Action.READ, Resource.TENANTS), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public TenantView create(@Valid @RequestBody TenantRequest request) {
    AccessScope scope = CurrentScope.require(Action.WRITE, Resource.TENANTS);
    String opcoId = request.opcoId();
    if (scope.isOpco()) {
      if (opcoId != null && !opcoId.equals(scope.opcoId())) {
        throw ApiException.unprocessable("opcoId", "operating company '" + opcoId + "' not found");
      }
      opcoId = scope.opcoId();
    } else if (opcoId != null && !inventory.opcos().isVisible(scope, opcoId)) {
      throw ApiException.unprocessable("opcoId", "operating company '" + opcoId + "' not found");
    }
    // unique within the operating company only, which the caller sees: a 409 reveals nothing
    if (tenants.existsInOpco(opcoId, request.name())) {
      throw ApiException.conflict("name", "a tenant named '" + request.name() + "' exists already");
    }
    return TenantView.of(tenants.save(new Tenant(opcoId, request.name(), request.description())));
  }

  @PutMapping("/{id}")
  @Transactional
  public TenantView update(@PathVariable String id, @Valid @RequestBody TenantUpdate request) {
    Tenant tenant = find(CurrentScope.require(Action.WRITE, Resource.TENANTS), id);
    if (!tenant.getName().equals(request.name())
        && tenants.existsInOpco(tenant.getOpcoId(), request.name())) {
      throw ApiException.conflict("name", "a tenant named '" + request.name() + "' exists already");
    }
    tenant.setName(request.name());
    tenant.setDescription(request.description());
    return TenantView.of(tenants.save(tenant));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  public void delete(@PathVariable String id) {
    Tenant tenant = find(CurrentScope.require(Action.WRITE, Resource.TENANTS), id);
    if (sites.countByTenantId(id) > 0 || devices.countByTenantId(id) > 0) {
      throw ApiException.conflict(null, "tenant '" + id + "' still has sites or devices");
    }
    tenants.delete(tenant);
  }

  private Tenant find(AccessScope scope, String id) {
    return inventory
        .tenants()
        .find(scope, id)
        .orElseThrow(() -> ApiException.notFound("Tenant", id));
  }
}
