package io.switchboard.api.sdwan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.sdwan.SiteNetworkService.LanSegmentRequest;
import io.switchboard.api.sdwan.SiteNetworkService.WanLinkRequest;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.WanLink;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A site's WAN links and LAN segments over HTTP; the rules live in {@link SiteNetworkService}. */
@RestController
@RequestMapping("/api/v1/sites/{siteId}")
@Tag(name = "SD-WAN sites", description = "WAN links and LAN segments of a site")
public class SiteNetworkController {
  public record WanLinkView(
      String id,
      String siteId,
      String interfaceName,
      AccessType accessType,
      Addressing addressing,
      String address,
      String gateway,
      String publicAddress,
      String pathLabel,
      BigDecimal monthlyCost,
      int priority) {
    static WanLinkView of(WanLink l) {
      return new WanLinkView(
          l.getId(),
          l.getSiteId(),
          l.getInterfaceName(),
          l.getAccessType(),
          l.getAddressing(),
          l.getAddress(),
          l.getGateway(),
          l.getPublicAddress(),
          l.getPathLabel(),
          l.getMonthlyCost(),
          l.getPriority());
    }
  }

  public record LanSegmentView(
      String id, String siteId, String name, Integer vlanId, String prefix, boolean dhcp) {
    static LanSegmentView of(LanSegment s) {
      return new LanSegmentView(
          s.getId(), s.getSiteId(), s.getName(), s.getVlanId(), s.getPrefix(), s.isDhcp());
    }
  }

  private final SiteNetworkService service;

  public SiteNetworkController(SiteNetworkService service) {
    this.service = service;
  }

  @GetMapping("/wan-links")
  @Operation(
      summary = "List a site's WAN links",
      description = "By priority; 404 for a site outside the caller's scope.")
  public List<WanLinkView> wanLinks(@PathVariable String siteId) {
    return service.wanLinks(CurrentScope.get(), siteId).stream().map(WanLinkView::of).toList();
  }

  @PostMapping("/wan-links")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add a WAN link",
      description = "One link per interface (409); a STATIC link needs address and gateway.")
  public WanLinkView createWanLink(
      @PathVariable String siteId, @Valid @RequestBody WanLinkRequest request) {
    return WanLinkView.of(service.createWanLink(CurrentScope.get(), siteId, request));
  }

  @PutMapping("/wan-links/{linkId}")
  @Operation(
      summary = "Replace a WAN link",
      description = "All fields; the same rules as adding one.")
  public WanLinkView replaceWanLink(
      @PathVariable String siteId,
      @PathVariable String linkId,
      @Valid @RequestBody WanLinkRequest request) {
    return WanLinkView.of(service.replaceWanLink(CurrentScope.get(), siteId, linkId, request));
  }

  @DeleteMapping("/wan-links/{linkId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a WAN link", description = "Its tunnels go at the next rollout.")
  public void deleteWanLink(@PathVariable String siteId, @PathVariable String linkId) {
    service.deleteWanLink(CurrentScope.get(), siteId, linkId);
  }

  @GetMapping("/lan-segments")
  @Operation(
      summary = "List a site's LAN segments",
      description = "By name; their prefixes are routed over the overlay.")
  public List<LanSegmentView> lanSegments(@PathVariable String siteId) {
    return service.lanSegments(CurrentScope.get(), siteId).stream()
        .map(LanSegmentView::of)
        .toList();
  }

  @PostMapping("/lan-segments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add a LAN segment",
      description = "A name unique in the site and an IPv4 prefix.")
  public LanSegmentView createLanSegment(
      @PathVariable String siteId, @Valid @RequestBody LanSegmentRequest request) {
    return LanSegmentView.of(service.createLanSegment(CurrentScope.get(), siteId, request));
  }
}
