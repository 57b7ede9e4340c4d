package io.switchboard.console.web;

import io.switchboard.api.common.Filters;
import io.switchboard.api.device.DeviceService;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.site.SiteService;
import io.switchboard.api.tenancy.OpcoService;
import io.switchboard.api.tenancy.TenantService;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.Tenant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Names by id of what the caller sees (at most {@value #AT_MOST} of each), for the columns and the
 * pickers of the pages: an id outside the scope simply has no name.
 */
@Component
public class Names {
  static final int AT_MOST = 200;

  private final TenantService tenants;
  private final OpcoService opcos;
  private final SiteService sites;
  private final DeviceService devices;

  public Names(TenantService tenants, OpcoService opcos, SiteService sites, DeviceService devices) {
    this.tenants = tenants;
    this.opcos = opcos;
    this.sites = sites;
    this.devices = devices;
  }

  /** The serial numbers of these devices, of those the caller sees. */
  public Map<String, String> serials(AccessScope scope, Collection<String> deviceIds) {
    Map<String, String> serials = new LinkedHashMap<>();
    List<String> ids = deviceIds.stream().filter(Objects::nonNull).distinct().toList();
    if (ids.isEmpty()) {
      return serials;
    }
    Specification<Device> these = (root, query, cb) -> root.get("id").in(ids);
    for (Device d : devices.list(scope, these, PageRequest.of(0, ids.size()))) {
      serials.put(d.getId(), d.getSerialNumber());
    }
    return serials;
  }

  /** The serial numbers of the devices the caller sees, by id. */
  public Map<String, String> devices(AccessScope scope) {
    Map<String, String> serials = new LinkedHashMap<>();
    for (Device d :
        devices.list(scope, Filters.none(), PageRequest.of(0, AT_MOST, Sort.by("serialNumber")))) {
      serials.put(d.getId(), d.getSerialNumber());
    }
    return serials;
  }

  public Map<String, String> tenants(AccessScope scope) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Tenant t : tenants.list(scope, Filters.none(), byName())) {
      names.put(t.getId(), t.getName());
    }
    return names;
  }

  /** Empty for a role that reads no operating companies. */
  public Map<String, String> opcos(AccessScope scope) {
    Map<String, String> names = new LinkedHashMap<>();
    try {
      for (OperatingCompany o : opcos.list(scope, Filters.none(), byName())) {
        names.put(o.getId(), o.getName());
      }
    } catch (ApiException notVisible) {
      // nothing to pick
    }
    return names;
  }

  /** The sites of one tenant (all the caller sees when {@code tenantId} is null). */
  public Map<String, String> sites(AccessScope scope, String tenantId) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Site s : sites.list(scope, Filters.equal("tenantId", tenantId), byName())) {
      names.put(s.getId(), s.getName());
    }
    return names;
  }

  private static PageRequest byName() {
    return PageRequest.of(0, AT_MOST, Sort.by("name"));
  }
}
