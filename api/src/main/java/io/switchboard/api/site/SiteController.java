package io.switchboard.api.site;

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
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

/** Sites of a tenant: branches, hubs, data centres. */
@RestController
@RequestMapping("/api/v1/sites")
public class SiteController {
  static final String VERSION_PATTERN = "[A-Za-z0-9._-]{1,60}";

  public record SiteRequest(
      @NotBlank @Size(max = 36) @SafeText String tenantId,
      @NotBlank @Size(max = 120) @SafeText String name,
      @NotNull SiteType type,
      @Size(max = 300) @SafeText(multiline = true) String address,
      @Pattern(regexp = VERSION_PATTERN, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {}

  public record SiteUpdate(
      @NotBlank @Size(max = 120) @SafeText String name,
      @NotNull SiteType type,
      @Size(max = 300) @SafeText(multiline = true) String address,
      @Pattern(regexp = VERSION_PATTERN, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {}

  public record SiteView(
      String id,
      String tenantId,
      String name,
      SiteType type,
      String address,
      String targetSoftwareVersion,
      String lifecycleState,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static SiteView of(Site s) {
      return new SiteView(
          s.getId(),
          s.getTenantId(),
          s.getName(),
          s.getType(),
          s.getAddress(),
          s.getTargetSoftwareVersion(),
          s.getLifecycleState(),
          s.getLockVersion(),
          s.getCreatedAt(),
          s.getUpdatedAt());
    }
  }

  private final ScopedInventory inventory;
  private final SiteRepository sites;
  private final DeviceRepository devices;

  public SiteController(ScopedInventory inventory, SiteRepository sites, DeviceRepository devices) {
    this.inventory = inventory;
    this.sites = sites;
    this.devices = devices;
  }

  @GetMapping
  public PageResponse<SiteView> list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) SiteType type,
      @RequestParam(required = false) String name,
      Pageable pageable) {
    AccessScope scope = CurrentScope.require(Action.READ, Resource.SITES);
    return PageResponse.of(
        inventory
            .sites()
            .page(
                scope,
                Filters.<Site>equal("tenantId", tenantId)
                    .and(Filters.equal("type", type))
                    .and(Filters.containsIgnoreCase("name", name)),
                Paging.of(pageable, Set.of("name", "type", "createdAt"), Sort.by("name"))),
        SiteView::of);
  }

  @GetMapping("/{id}")
  public SiteView get(@PathVariable String id) {
    return SiteView.of(find(CurrentScope.require(Action.READ, Resource.SITES), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public SiteView create(@Valid @RequestBody SiteRequest request) {
    AccessScope scope = CurrentScope.require(Action.WRITE, Resource.SITES);
    if (!inventory.tenants().isVisible(scope, request.tenantId())) {
      throw ApiException.unprocessable("tenantId", "tenant '" + request.tenantId() + "' not found");
    }
    if (sites.existsByTenantIdAndName(request.tenantId(), request.name())) {
      throw ApiException.conflict(
          "name", "the tenant has a site named '" + request.name() + "' already");
    }
    Site site = new Site(request.tenantId(), request.name(), request.type());
    site.setAddress(request.address());
    site.setTargetSoftwareVersion(request.targetSoftwareVersion());
    return SiteView.of(sites.save(site));
  }

  @PutMapping("/{id}")
  @Transactional
  public SiteView update(@PathVariable String id, @Valid @RequestBody SiteUpdate request) {
    Site site = find(CurrentScope.require(Action.WRITE, Resource.SITES), id);
    if (!site.getName().equals(request.name())
        && sites.existsByTenantIdAndName(site.getTenantId(), request.name())) {
      throw ApiException.conflict(
          "name", "the tenant has a site named '" + request.name() + "' already");
    }
    site.setName(request.name());
    site.setType(request.type());
    site.setAddress(request.address());
    site.setTargetSoftwareVersion(request.targetSoftwareVersion());
    return SiteView.of(sites.save(site));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  public void delete(@PathVariable String id) {
    Site site = find(CurrentScope.require(Action.WRITE, Resource.SITES), id);
    if (devices.countBySiteId(id) > 0) {
      throw ApiException.conflict(null, "site '" + id + "' still has devices");
    }
    sites.delete(site);
  }

  private Site find(AccessScope scope, String id) {
    return inventory.sites().find(scope, id).orElseThrow(() -> ApiException.notFound("Site", id));
  }
}
