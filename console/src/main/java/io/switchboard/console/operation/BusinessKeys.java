package io.switchboard.console.operation;

import io.switchboard.api.common.Filters;
import io.switchboard.api.device.DeviceService;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.site.SiteService;
import io.switchboard.api.tenancy.TenantService;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.site.Site;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The business key of an operation, as people know it: the device's serial and its site's name, or
 * the site's or the tenant's name; and the reverse, the targets a serial or a site name means. All
 * through the API's scoped services, so nothing outside the caller's scope is named or found.
 */
@Component
public class BusinessKeys {
  /** At most this many targets behind one filter value. */
  static final int MAX_TARGETS = 200;

  private final DeviceService devices;
  private final SiteService sites;
  private final TenantService tenants;

  public BusinessKeys(DeviceService devices, SiteService sites, TenantService tenants) {
    this.devices = devices;
    this.sites = sites;
    this.tenants = tenants;
  }

  /** What an operation's target is called; the names of one page, looked up once each. */
  public final class Names {
    private final AccessScope scope;
    private final Map<String, String> cache = new HashMap<>();

    Names(AccessScope scope) {
      this.scope = scope;
    }

    public String of(Operation o) {
      return cache.computeIfAbsent(o.getTargetKind() + ":" + o.getTargetId(), k -> lookUp(o));
    }

    private String lookUp(Operation o) {
      try {
        return switch (o.getTargetKind()) {
          case Operation.TARGET_DEVICE -> {
            Device d = devices.get(scope, o.getTargetId());
            yield d.getSiteId() == null
                ? d.getSerialNumber()
                : d.getSerialNumber() + " · " + siteName(d.getSiteId());
          }
          case Operation.TARGET_SITE -> siteName(o.getTargetId());
          case Operation.TARGET_TENANT -> tenants.get(scope, o.getTargetId()).getName();
          default -> o.getTargetId();
        };
      } catch (ApiException gone) {
        return o.getTargetId();
      }
    }

    private String siteName(String siteId) {
      try {
        return sites.get(scope, siteId).getName();
      } catch (ApiException gone) {
        return siteId;
      }
    }
  }

  public Names names(AccessScope scope) {
    return new Names(scope);
  }

  /**
   * The target ids a serial (exact) and a site name (part of it) mean, or null when neither is
   * given; a site stands for itself and its devices.
   */
  public Set<String> targets(AccessScope scope, String serial, String siteName) {
    if (blank(serial) && blank(siteName)) {
      return null;
    }
    Set<String> bySerial = null;
    if (!blank(serial)) {
      bySerial = new LinkedHashSet<>();
      for (Device d :
          devices.list(
              scope,
              Filters.equal("serialNumber", serial.trim()),
              PageRequest.of(0, MAX_TARGETS))) {
        bySerial.add(d.getId());
      }
    }
    Set<String> bySite = null;
    if (!blank(siteName)) {
      bySite = new LinkedHashSet<>();
      List<Site> matching =
          sites
              .list(
                  scope,
                  Filters.containsIgnoreCase("name", siteName.trim()),
                  PageRequest.of(0, MAX_TARGETS))
              .getContent();
      for (Site s : matching) {
        bySite.add(s.getId());
        for (Device d :
            devices.list(
                scope, Filters.equal("siteId", s.getId()), PageRequest.of(0, MAX_TARGETS))) {
          bySite.add(d.getId());
        }
      }
    }
    if (bySerial == null) {
      return bySite;
    }
    if (bySite != null) {
      bySerial.retainAll(bySite);
    }
    return bySerial;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
