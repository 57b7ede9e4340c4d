package io.switchboard.api.site;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteDependants;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of sites: a site belongs to a tenant the caller sees (chosen once), its name is
 * unique in that tenant, and a site that something still uses stays.
 */
@Service
public class SiteService {
  static final String VERSION_PATTERN = "[A-Za-z0-9._-]{1,60}";

  /** A page of the sites the caller may read, narrowed by {@code filter}. */
  @Transactional(readOnly = true)
  public Page<Site> list(AccessScope scope, Specification<Site> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.SITES);
    return inventory.sites().page(scope, filter, pageable);
  }

  /** The create body. */
  public record SiteRequest(
      @NotBlank @Size(max = 36) @SafeText String tenantId,
      @NotBlank @Size(max = 120) @SafeText String name,
      @NotNull SiteType type,
      @Size(max = 300) @SafeText(multiline = true) String address,
      @Pattern(regexp = VERSION_PATTERN, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {}

  /** The replace and patch body: everything but the tenant. */
  public record SiteUpdate(
      @NotBlank @Size(max = 120) @SafeText String name,
      @NotNull SiteType type,
      @Size(max = 300) @SafeText(multiline = true) String address,
      @Pattern(regexp = VERSION_PATTERN, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {
    static SiteUpdate of(Site s) {
      return new SiteUpdate(s.getName(), s.getType(), s.getAddress(), s.getTargetSoftwareVersion());
    }
  }

  private final ScopedInventory inventory;
  private final SiteRepository sites;
  private final SiteDependants dependants;

  public SiteService(ScopedInventory inventory, SiteRepository sites, SiteDependants dependants) {
    this.inventory = inventory;
    this.sites = sites;
    this.dependants = dependants;
  }

  /** The site with {@code id} if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public Site get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.SITES);
    return find(scope, id);
  }

  /** Creates a site in a tenant the caller sees (422 otherwise); 409 when the name is taken. */
  @Transactional
  public Site create(AccessScope scope, SiteRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.SITES);
    InScope.requireReference(inventory.tenants(), scope, "tenantId", "tenant", request.tenantId());
    requireFreeName(request.tenantId(), null, request.name());
    Site site = new Site(request.tenantId(), request.name(), request.type());
    site.setAddress(request.address());
    site.setTargetSoftwareVersion(request.targetSoftwareVersion());
    return sites.save(site);
  }

  /**
   * Updates a site with what {@code change} makes of its current state (a replacement or a merge
   * patch); 404 out of scope, 409 when the new name is taken in the tenant.
   */
  @Transactional
  public Site update(AccessScope scope, String id, UnaryOperator<SiteUpdate> change) {
    Permissions.require(scope, Action.WRITE, Resource.SITES);
    Site site = find(scope, id);
    SiteUpdate request = change.apply(SiteUpdate.of(site));
    requireFreeName(site.getTenantId(), site.getName(), request.name());
    site.setName(request.name());
    site.setType(request.type());
    site.setAddress(request.address());
    site.setTargetSoftwareVersion(request.targetSoftwareVersion());
    return sites.save(site);
  }

  /**
   * Deletes a site with its own configuration (WAN links, LAN segments, zones); 409 naming what
   * still uses it (devices, overlays, firewall policies, VNF instances).
   */
  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.SITES);
    Site site = find(scope, id);
    List<String> blocking = dependants.blocking(id);
    InScope.requireNoDependants(
        blocking.size(), "site '" + id + "' is still used by " + String.join(", ", blocking));
    dependants.deleteOwnedConfiguration(id);
    sites.delete(site);
  }

  private void requireFreeName(String tenantId, String current, String name) {
    InScope.requireUnique(
        current,
        name,
        wanted -> sites.existsByTenantIdAndName(tenantId, wanted),
        "name",
        "the tenant has a site named '" + name + "' already");
  }

  private Site find(AccessScope scope, String id) {
    return InScope.findOr404(inventory.sites(), scope, "Site", id);
  }
}
