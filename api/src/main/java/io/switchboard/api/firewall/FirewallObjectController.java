package io.switchboard.api.firewall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.firewall.FirewallObjectService.AddressRequest;
import io.switchboard.api.firewall.FirewallObjectService.ApplicationRequest;
import io.switchboard.api.firewall.FirewallObjectService.GroupRequest;
import io.switchboard.api.firewall.FirewallObjectService.ZoneRequest;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.firewall.AddressGroup;
import io.switchboard.inventory.firewall.AddressObject;
import io.switchboard.inventory.firewall.ApplicationSet;
import io.switchboard.inventory.firewall.CustomApplication;
import io.switchboard.inventory.firewall.SiteZones;
import io.switchboard.inventory.firewall.model.AddressKind;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Firewall objects and site zones over HTTP; the rules live in {@link FirewallObjectService}. */
@RestController
@RequestMapping("/api/v1")
@Tag(
    name = "Firewall objects",
    description = "Address objects and groups, applications and sets, site zones")
public class FirewallObjectController {
  public record AddressView(
      String id, String tenantId, String name, AddressKind kind, String value, String valueTo) {
    static AddressView of(AddressObject a) {
      return new AddressView(
          a.getId(), a.getTenantId(), a.getName(), a.getKind(), a.getValue(), a.getValueTo());
    }
  }

  public record GroupView(String id, String tenantId, String name, List<String> members) {
    static GroupView of(AddressGroup g) {
      return new GroupView(g.getId(), g.getTenantId(), g.getName(), g.getMembers());
    }

    static GroupView of(ApplicationSet s) {
      return new GroupView(s.getId(), s.getTenantId(), s.getName(), s.getMembers());
    }
  }

  public record ApplicationView(
      String id, String tenantId, String name, String protocol, String destinationPort) {
    static ApplicationView of(CustomApplication a) {
      return new ApplicationView(
          a.getId(), a.getTenantId(), a.getName(), a.getProtocol(), a.getDestinationPort());
    }
  }

  /**
   * A zone of a site; {@code derived}: computed from the site's LAN segments ({@code trust}), WAN
   * links ({@code untrust}) or overlay tunnels ({@code sdwan}), without an id of its own.
   */
  public record ZoneView(
      String id, String siteId, String name, List<String> interfaces, boolean derived) {
    static ZoneView of(String siteId, SiteZones.SiteZone z) {
      return new ZoneView(z.id(), siteId, z.name(), z.interfaces(), z.derived());
    }
  }

  private static final Set<String> SORTABLE = Set.of("name", "createdAt");

  private final FirewallObjectService service;

  public FirewallObjectController(FirewallObjectService service) {
    this.service = service;
  }

  @GetMapping("/address-objects")
  @Operation(
      summary = "List address objects",
      description = "A page of the address objects in the caller's scope.")
  public PageResponse<AddressView> addresses(Pageable pageable) {
    return PageResponse.of(service.addresses(CurrentScope.get(), page(pageable)), AddressView::of);
  }

  @PostMapping("/address-objects")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an address object",
      description =
          "A PREFIX (IPv4/IPv6), a RANGE (value to valueTo) or a DNS name; names are unique in the tenant.")
  public AddressView createAddress(@Valid @RequestBody AddressRequest request) {
    return AddressView.of(service.createAddress(CurrentScope.get(), request));
  }

  @GetMapping("/address-groups")
  @Operation(
      summary = "List address groups",
      description = "A page of the address groups in the caller's scope.")
  public PageResponse<GroupView> addressGroups(Pageable pageable) {
    return PageResponse.of(
        service.addressGroups(CurrentScope.get(), page(pageable)), GroupView::of);
  }

  @PostMapping("/address-groups")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an address group",
      description =
          "Members are the tenant's addresses or groups (422 naming the member otherwise).")
  public GroupView createAddressGroup(@Valid @RequestBody GroupRequest request) {
    return GroupView.of(service.createAddressGroup(CurrentScope.get(), request));
  }

  @GetMapping("/applications")
  @Operation(
      summary = "List custom applications",
      description =
          "Junos predefined applications (junos-https, ...) are used by name and not listed.")
  public PageResponse<ApplicationView> applications(Pageable pageable) {
    return PageResponse.of(
        service.applications(CurrentScope.get(), page(pageable)), ApplicationView::of);
  }

  @PostMapping("/applications")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a custom application",
      description =
          "A protocol (tcp, udp, icmp) and, except for icmp, a destination port or range.")
  public ApplicationView createApplication(@Valid @RequestBody ApplicationRequest request) {
    return ApplicationView.of(service.createApplication(CurrentScope.get(), request));
  }

  @GetMapping("/application-sets")
  @Operation(
      summary = "List application sets",
      description = "A page of the application sets in the caller's scope.")
  public PageResponse<GroupView> applicationSets(Pageable pageable) {
    return PageResponse.of(
        service.applicationSets(CurrentScope.get(), page(pageable)), GroupView::of);
  }

  @PostMapping("/application-sets")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an application set",
      description = "Members are predefined or custom applications or sets.")
  public GroupView createApplicationSet(@Valid @RequestBody GroupRequest request) {
    return GroupView.of(service.createApplicationSet(CurrentScope.get(), request));
  }

  @GetMapping("/sites/{siteId}/zones")
  @Operation(
      summary = "List a site's zones",
      description =
          "By name: trust from the site's LAN segments (irb.<vlan>), untrust from its WAN links"
              + " (unit 0), sdwan from its configured overlay tunnels (st0 units), each marked"
              + " derived, and the zones declared for the site (a declared zone replaces a"
              + " derived one of its name); 404 for a site outside the caller's scope.")
  public List<ZoneView> zones(@PathVariable String siteId) {
    return service.zones(CurrentScope.get(), siteId).stream()
        .map(z -> ZoneView.of(siteId, z))
        .toList();
  }

  @PostMapping("/sites/{siteId}/zones")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add a zone to a site",
      description =
          "trust, untrust, sdwan or a custom name, with its interface units (ge-0/0/1.0).")
  public ZoneView createZone(@PathVariable String siteId, @Valid @RequestBody ZoneRequest request) {
    return ZoneView.of(siteId, service.createZone(CurrentScope.get(), siteId, request));
  }

  private static Pageable page(Pageable pageable) {
    return Paging.of(pageable, SORTABLE, Sort.by("name"));
  }
}
