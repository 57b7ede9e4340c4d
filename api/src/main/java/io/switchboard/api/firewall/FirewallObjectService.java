package io.switchboard.api.firewall;

import io.switchboard.api.common.InScope;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.firewall.AddressGroup;
import io.switchboard.inventory.firewall.AddressGroupRepository;
import io.switchboard.inventory.firewall.AddressObject;
import io.switchboard.inventory.firewall.AddressObjectRepository;
import io.switchboard.inventory.firewall.ApplicationSet;
import io.switchboard.inventory.firewall.ApplicationSetRepository;
import io.switchboard.inventory.firewall.CustomApplication;
import io.switchboard.inventory.firewall.CustomApplicationRepository;
import io.switchboard.inventory.firewall.SecurityZone;
import io.switchboard.inventory.firewall.SecurityZoneRepository;
import io.switchboard.inventory.firewall.SiteZones;
import io.switchboard.inventory.firewall.analysis.IpRanges;
import io.switchboard.inventory.firewall.model.AddressKind;
import io.switchboard.inventory.firewall.model.PredefinedApplications;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.inventory.site.Site;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.regex.Matcher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's firewall objects (addresses, groups, applications, sets) and its sites' zones. Names
 * are Junos identifiers, unique in the tenant; a group or set names only members the tenant has.
 */
@Service
public class FirewallObjectService {
  /** A Junos object name (never {@code any}, which rules use for "anything"). */
  public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

  static final String NAME_MESSAGE =
      "must be letters, digits, dots, dashes and underscores, such as web-servers";
  private static final java.util.regex.Pattern PORTS =
      java.util.regex.Pattern.compile("^(\\d{1,5})(-(\\d{1,5}))?$");
  private static final java.util.regex.Pattern DNS =
      java.util.regex.Pattern.compile(
          "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
  private static final java.util.regex.Pattern INTERFACE =
      java.util.regex.Pattern.compile(
          "^((ge|xe|et|fe)-\\d+/\\d+/\\d+|st0|lo0|irb|reth\\d+)\\.\\d+$");

  /** An address object: {@code value} a prefix, a range's first address, or a DNS name. */
  public record AddressRequest(
      @Size(max = 36) String tenantId,
      @NotBlank @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
      @NotNull AddressKind kind,
      @NotBlank @Size(max = 253) String value,
      @Size(max = 39) String valueTo) {}

  /** An address group or application set: members by name. */
  public record GroupRequest(
      @Size(max = 36) String tenantId,
      @NotBlank @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
      @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 63) String> members) {}

  /** A custom application. */
  public record ApplicationRequest(
      @Size(max = 36) String tenantId,
      @NotBlank @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
      @NotBlank @Pattern(regexp = "tcp|udp|icmp", message = "must be tcp, udp or icmp")
          String protocol,
      @Size(max = 11) String destinationPort) {}

  /** A zone of a site and its interface units. */
  public record ZoneRequest(
      @NotBlank @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 40) String> interfaces) {}

  private final ScopedInventory inventory;
  private final AddressObjectRepository addresses;
  private final AddressGroupRepository groups;
  private final CustomApplicationRepository applications;
  private final ApplicationSetRepository sets;
  private final SecurityZoneRepository zones;
  private final SiteZones siteZones;
  private final ScopedRepository<AddressObject> scopedAddresses;
  private final ScopedRepository<AddressGroup> scopedGroups;
  private final ScopedRepository<CustomApplication> scopedApplications;
  private final ScopedRepository<ApplicationSet> scopedSets;

  public FirewallObjectService(
      ScopedInventory inventory,
      AddressObjectRepository addresses,
      AddressGroupRepository groups,
      CustomApplicationRepository applications,
      ApplicationSetRepository sets,
      SecurityZoneRepository zones,
      SiteZones siteZones) {
    this.inventory = inventory;
    this.addresses = addresses;
    this.groups = groups;
    this.applications = applications;
    this.sets = sets;
    this.zones = zones;
    this.siteZones = siteZones;
    this.scopedAddresses = new ScopedRepository<>(addresses, Visibility::tenantOwned);
    this.scopedGroups = new ScopedRepository<>(groups, Visibility::tenantOwned);
    this.scopedApplications = new ScopedRepository<>(applications, Visibility::tenantOwned);
    this.scopedSets = new ScopedRepository<>(sets, Visibility::tenantOwned);
  }

  @Transactional(readOnly = true)
  public Page<AddressObject> addresses(AccessScope scope, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return scopedAddresses.page(scope, (r, q, cb) -> cb.conjunction(), pageable);
  }

  @Transactional
  public AddressObject createAddress(AccessScope scope, AddressRequest r) {
    String tenant = tenant(scope, r.tenantId());
    requireFreeName(tenant, r.name());
    switch (r.kind()) {
      case PREFIX -> {
        if (!IpRanges.isPrefix(r.value())) {
          throw ApiException.invalid("value", "must be an IPv4 or IPv6 prefix such as 10.1.0.0/16");
        }
      }
      case RANGE -> {
        if (!IpRanges.isAddress(r.value())) {
          throw ApiException.invalid("value", "must be the range's first IP address");
        }
        if (r.valueTo() == null
            || !IpRanges.isAddress(r.valueTo())
            || r.value().contains(":") != r.valueTo().contains(":")) {
          throw ApiException.invalid(
              "valueTo", "must be the range's last IP address, of the same family");
        }
      }
      case DNS -> {
        if (!DNS.matcher(r.value()).matches()) {
          throw ApiException.invalid("value", "must be a DNS name such as updates.example.com");
        }
      }
    }
    if (r.kind() != AddressKind.RANGE && r.valueTo() != null) {
      throw ApiException.invalid("valueTo", "only a RANGE has a last address; leave it out");
    }
    return addresses.save(new AddressObject(tenant, r.name(), r.kind(), r.value(), r.valueTo()));
  }

  @Transactional(readOnly = true)
  public Page<AddressGroup> addressGroups(AccessScope scope, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return scopedGroups.page(scope, (r, q, cb) -> cb.conjunction(), pageable);
  }

  @Transactional
  public AddressGroup createAddressGroup(AccessScope scope, GroupRequest r) {
    String tenant = tenant(scope, r.tenantId());
    requireFreeName(tenant, r.name());
    for (int i = 0; i < r.members().size(); i++) {
      String m = r.members().get(i);
      if (!addresses.existsByTenantIdAndName(tenant, m)
          && !groups.existsByTenantIdAndName(tenant, m)) {
        throw ApiException.unprocessable("members[" + i + "]", "address '" + m + "' not found");
      }
    }
    return groups.save(new AddressGroup(tenant, r.name(), r.members()));
  }

  @Transactional(readOnly = true)
  public Page<CustomApplication> applications(AccessScope scope, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return scopedApplications.page(scope, (r, q, cb) -> cb.conjunction(), pageable);
  }

  @Transactional
  public CustomApplication createApplication(AccessScope scope, ApplicationRequest r) {
    String tenant = tenant(scope, r.tenantId());
    if (PredefinedApplications.isPredefined(r.name()) || r.name().startsWith("junos-")) {
      throw ApiException.invalid(
          "name", "junos- names belong to the device's predefined applications");
    }
    requireFreeName(tenant, r.name());
    if ("icmp".equals(r.protocol())) {
      if (r.destinationPort() != null) {
        throw ApiException.invalid("destinationPort", "icmp has no ports; leave it out");
      }
    } else {
      Matcher m = r.destinationPort() == null ? null : PORTS.matcher(r.destinationPort());
      if (m == null
          || !m.matches()
          || Integer.parseInt(m.group(1)) < 1
          || Integer.parseInt(m.group(1)) > 65535
          || (m.group(3) != null
              && (Integer.parseInt(m.group(3)) > 65535
                  || Integer.parseInt(m.group(3)) < Integer.parseInt(m.group(1))))) {
        throw ApiException.invalid(
            "destinationPort", "must be a port or range such as 8443 or 8000-8080");
      }
    }
    return applications.save(
        new CustomApplication(tenant, r.name(), r.protocol(), r.destinationPort()));
  }

  @Transactional(readOnly = true)
  public Page<ApplicationSet> applicationSets(AccessScope scope, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return scopedSets.page(scope, (r, q, cb) -> cb.conjunction(), pageable);
  }

  @Transactional
  public ApplicationSet createApplicationSet(AccessScope scope, GroupRequest r) {
    String tenant = tenant(scope, r.tenantId());
    requireFreeName(tenant, r.name());
    for (int i = 0; i < r.members().size(); i++) {
      String m = r.members().get(i);
      if (!PredefinedApplications.isPredefined(m)
          && !applications.existsByTenantIdAndName(tenant, m)
          && !sets.existsByTenantIdAndName(tenant, m)) {
        throw ApiException.unprocessable("members[" + i + "]", "application '" + m + "' not found");
      }
    }
    return sets.save(new ApplicationSet(tenant, r.name(), r.members()));
  }

  @Transactional(readOnly = true)
  public List<SiteZones.SiteZone> zones(AccessScope scope, String siteId) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return siteZones.of(site(scope, siteId).getId());
  }

  @Transactional
  public SiteZones.SiteZone createZone(AccessScope scope, String siteId, ZoneRequest r) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    Site site = site(scope, siteId);
    if (zones.existsBySiteIdAndName(siteId, r.name())) {
      throw ApiException.conflict("name", "the site has a zone named '" + r.name() + "' already");
    }
    for (int i = 0; i < r.interfaces().size(); i++) {
      if (!INTERFACE.matcher(r.interfaces().get(i)).matches()) {
        throw ApiException.invalid(
            "interfaces[" + i + "]", "must be an interface unit such as ge-0/0/1.0");
      }
    }
    SecurityZone z =
        zones.save(new SecurityZone(site.getTenantId(), siteId, r.name(), r.interfaces()));
    return new SiteZones.SiteZone(z.getId(), z.getName(), z.getInterfaces(), false);
  }

  private Site site(AccessScope scope, String siteId) {
    return InScope.findOr404(inventory.sites(), scope, "Site", siteId);
  }

  /** The tenant a new object belongs to: the caller's own, or the one named (in scope). */
  String tenant(AccessScope scope, String tenantId) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    String tenant = tenantId != null ? tenantId : scope.tenantId();
    if (tenant == null) {
      throw ApiException.invalid("tenantId", "must name the tenant the object belongs to");
    }
    InScope.requireReference(inventory.tenants(), scope, "tenantId", "tenant", tenant);
    return tenant;
  }

  private void requireFreeName(String tenant, String name) {
    if (RuleDef.ANY.equals(name)) {
      throw ApiException.invalid("name", "'any' means any address or application in a rule");
    }
    if (addresses.existsByTenantIdAndName(tenant, name)
        || groups.existsByTenantIdAndName(tenant, name)
        || applications.existsByTenantIdAndName(tenant, name)
        || sets.existsByTenantIdAndName(tenant, name)) {
      throw ApiException.conflict("name", "the tenant has an object named '" + name + "' already");
    }
  }
}
