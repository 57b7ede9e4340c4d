package io.switchboard.api.sdwan;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import io.switchboard.inventory.sdwan.plan.Ipv4;
import io.switchboard.inventory.site.Site;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * WAN links and LAN segments of a site: the site must be in the caller's scope (404 otherwise), an
 * interface carries one link, a static link has an address and a gateway.
 */
@Service
public class SiteNetworkService {
  static final String WAN_INTERFACE = "(ge|xe|et)-\\d+/\\d+/\\d+";

  /** A WAN link as created or replaced. */
  public record WanLinkRequest(
      @NotBlank @Pattern(regexp = WAN_INTERFACE, message = "must be a port such as ge-0/0/0")
          String interfaceName,
      @NotNull AccessType accessType,
      @NotNull Addressing addressing,
      @Size(max = 43) String address,
      @Size(max = 39) String gateway,
      @Size(max = 39) String publicAddress,
      @NotBlank
          @Size(max = 40)
          @Pattern(
              regexp = "[a-z0-9][a-z0-9-]*",
              message = "must be lower-case letters, digits and dashes, such as internet")
          String pathLabel,
      @DecimalMin("0") BigDecimal monthlyCost,
      @Min(0) @Max(1000) Integer priority) {}

  /** A LAN segment as created. */
  public record LanSegmentRequest(
      @NotBlank @Size(max = 60) @SafeText String name,
      @Min(1) @Max(4094) Integer vlanId,
      @NotBlank @Size(max = 43) String prefix,
      Boolean dhcp) {}

  private final ScopedInventory inventory;
  private final WanLinkRepository links;
  private final LanSegmentRepository segments;

  public SiteNetworkService(
      ScopedInventory inventory, WanLinkRepository links, LanSegmentRepository segments) {
    this.inventory = inventory;
    this.links = links;
    this.segments = segments;
  }

  @Transactional(readOnly = true)
  public List<WanLink> wanLinks(AccessScope scope, String siteId) {
    Permissions.require(scope, Action.READ, Resource.NETWORK);
    site(scope, siteId);
    return links.findBySiteIdOrderByPriorityAscInterfaceNameAsc(siteId);
  }

  @Transactional
  public WanLink createWanLink(AccessScope scope, String siteId, WanLinkRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    Site site = site(scope, siteId);
    validate(request);
    if (links.existsBySiteIdAndInterfaceName(siteId, request.interfaceName())) {
      throw ApiException.conflict(
          "interfaceName", "the site has a WAN link on " + request.interfaceName() + " already");
    }
    WanLink link = new WanLink(site.getTenantId(), siteId, request.interfaceName());
    copy(request, link);
    return links.save(link);
  }

  @Transactional
  public WanLink replaceWanLink(
      AccessScope scope, String siteId, String linkId, WanLinkRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    site(scope, siteId);
    WanLink link = link(siteId, linkId);
    validate(request);
    if (!link.getInterfaceName().equals(request.interfaceName())
        && links.existsBySiteIdAndInterfaceName(siteId, request.interfaceName())) {
      throw ApiException.conflict(
          "interfaceName", "the site has a WAN link on " + request.interfaceName() + " already");
    }
    link.setInterfaceName(request.interfaceName());
    copy(request, link);
    return links.save(link);
  }

  @Transactional
  public void deleteWanLink(AccessScope scope, String siteId, String linkId) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    site(scope, siteId);
    links.delete(link(siteId, linkId));
  }

  @Transactional(readOnly = true)
  public List<LanSegment> lanSegments(AccessScope scope, String siteId) {
    Permissions.require(scope, Action.READ, Resource.NETWORK);
    site(scope, siteId);
    return segments.findBySiteIdOrderByName(siteId);
  }

  @Transactional
  public LanSegment createLanSegment(AccessScope scope, String siteId, LanSegmentRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    Site site = site(scope, siteId);
    if (!Ipv4.isPrefix(request.prefix())) {
      throw ApiException.invalid("prefix", "must be an IPv4 prefix such as 192.168.10.0/24");
    }
    if (segments.existsBySiteIdAndName(siteId, request.name())) {
      throw ApiException.conflict(
          "name", "the site has a LAN segment named '" + request.name() + "' already");
    }
    LanSegment segment =
        new LanSegment(
            site.getTenantId(), siteId, request.name(), Ipv4.prefix(request.prefix()).toString());
    segment.setVlanId(request.vlanId());
    segment.setDhcp(Boolean.TRUE.equals(request.dhcp()));
    return segments.save(segment);
  }

  private static void validate(WanLinkRequest r) {
    if (r.addressing() == Addressing.STATIC) {
      if (r.address() == null || !Ipv4.isPrefix(r.address())) {
        throw ApiException.invalid(
            "address", "a static link needs an address such as 198.51.100.2/24");
      }
      if (r.gateway() == null || !Ipv4.isAddress(r.gateway())) {
        throw ApiException.invalid("gateway", "a static link needs a gateway address");
      }
    } else if (r.address() != null || r.gateway() != null) {
      throw ApiException.invalid(
          r.address() != null ? "address" : "gateway",
          "a DHCP link learns its address; leave it out");
    }
    if (r.publicAddress() != null && !Ipv4.isAddress(r.publicAddress())) {
      throw ApiException.invalid("publicAddress", "must be an IPv4 address");
    }
  }

  private static void copy(WanLinkRequest r, WanLink link) {
    link.setAccessType(r.accessType());
    link.setAddressing(r.addressing());
    link.setAddress(r.address());
    link.setGateway(r.gateway());
    link.setPublicAddress(r.publicAddress());
    link.setPathLabel(r.pathLabel());
    link.setMonthlyCost(r.monthlyCost());
    link.setPriority(r.priority() == null ? 0 : r.priority());
  }

  private Site site(AccessScope scope, String siteId) {
    return InScope.findOr404(inventory.sites(), scope, "Site", siteId);
  }

  private WanLink link(String siteId, String linkId) {
    return links
        .findById(linkId)
        .filter(l -> l.getSiteId().equals(siteId))
        .orElseThrow(() -> ApiException.notFound("WAN link", linkId));
  }
}
