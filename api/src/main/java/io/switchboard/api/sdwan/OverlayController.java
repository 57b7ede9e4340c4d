package io.switchboard.api.sdwan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.sdwan.OverlayService.OverlayRequest;
import io.switchboard.api.sdwan.OverlayService.SlaProfileRequest;
import io.switchboard.api.sdwan.OverlayService.SteeringRuleRequest;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayState;
import io.switchboard.inventory.sdwan.SlaProfile;
import io.switchboard.inventory.sdwan.SteeringRule;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelState;
import io.switchboard.inventory.sdwan.render.DeviceIntent;
import io.switchboard.inventory.sdwan.sla.SlaMeasurement;
import io.switchboard.inventory.sdwan.sla.SteeringCheck;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
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
 * SD-WAN overlays, SLA profiles and steering rules over HTTP; the rules live in {@link
 * OverlayService}.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(
    name = "SD-WAN overlays",
    description = "Overlays, tunnels, SLA profiles and steering of a tenant")
public class OverlayController {
  public record TunnelView(
      int number,
      int st0Unit,
      String aSiteId,
      String bSiteId,
      String pathLabel,
      String aAddress,
      String bAddress,
      TunnelState state,
      SlaView sla) {
    static TunnelView of(Tunnel t) {
      return of(t, List.of());
    }

    static TunnelView of(Tunnel t, List<DeviceIntent.Steering> slaProfiles) {
      return new TunnelView(
          t.getNumber(),
          t.getSt0Unit(),
          t.getASiteId(),
          t.getBSiteId(),
          t.getPathLabel(),
          t.getAAddress(),
          t.getBAddress(),
          t.getState(),
          SlaView.of(t, slaProfiles));
    }
  }

  /**
   * What the tunnel's probes measured last (the worse end) and whether that meets each SLA profile
   * of the overlay's steering rules; null when the tunnel was never measured.
   */
  public record SlaView(
      Instant measuredAt,
      double lossPercent,
      double rttMs,
      double jitterMs,
      List<SlaStateView> profiles) {
    static SlaView of(Tunnel t, List<DeviceIntent.Steering> slaProfiles) {
      SlaMeasurement m = t.getSla();
      if (m == null) {
        return null;
      }
      Map<String, SlaStateView> byName = new LinkedHashMap<>();
      for (DeviceIntent.Steering s : slaProfiles) {
        List<String> violations = m.violations(s);
        byName.putIfAbsent(
            s.slaName(), new SlaStateView(s.slaName(), violations.isEmpty(), violations));
      }
      return new SlaView(
          t.getSlaMeasuredAt(),
          m.lossPercent(),
          m.rttMs(),
          m.jitterMs(),
          List.copyOf(byName.values()));
    }
  }

  /** One SLA profile against a tunnel's measurement: met, or what misses it. */
  public record SlaStateView(String slaProfile, boolean met, List<String> violations) {}

  /** The steering check: per site and rule, the path towards each peer. */
  public record SteeringCheckView(
      String overlayId,
      Instant measuredAt,
      List<SteeringCheck.SiteSteering> sites,
      Map<String, String> errors) {}

  public record MemberView(String siteId, boolean hub, String state, String reason) {}

  public record OverlayView(
      String id,
      String tenantId,
      String name,
      Topology topology,
      String tunnelPool,
      OverlayState state,
      String failureReason,
      List<String> hubSiteIds,
      List<String> siteIds,
      List<MemberView> sites,
      List<TunnelView> tunnels) {}

  public record PlanView(
      boolean unchanged,
      List<TunnelView> tunnels,
      List<Integer> added,
      List<Integer> removed,
      Map<String, List<String>> configuration,
      List<OverlayChecks.DevicePreview> devices) {}

  public record OperationView(String operationId, String overlayId) {}

  public record JoinRequest(@NotBlank @Size(max = 36) String siteId) {}

  public record SlaProfileView(
      String id,
      String tenantId,
      String name,
      int maxLossPercent,
      int maxRttMs,
      int maxJitterMs,
      String preferredPathLabel) {
    static SlaProfileView of(SlaProfile p) {
      return new SlaProfileView(
          p.getId(),
          p.getTenantId(),
          p.getName(),
          p.getMaxLossPercent(),
          p.getMaxRttMs(),
          p.getMaxJitterMs(),
          p.getPreferredPathLabel());
    }
  }

  public record SteeringRuleView(int order, String application, Integer dscp, String slaProfileId) {
    static SteeringRuleView of(SteeringRule r) {
      return new SteeringRuleView(
          r.getRuleOrder(), r.getApplication(), r.getDscp(), r.getSlaProfileId());
    }
  }

  private final OverlayService service;
  private final OverlayChecks checks;

  public OverlayController(OverlayService service, OverlayChecks checks) {
    this.service = service;
    this.checks = checks;
  }

  @GetMapping("/overlays")
  @Operation(
      summary = "List overlays",
      description = "A page of the overlays in the caller's scope.")
  public PageResponse<OverlayView> list(Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(), Paging.of(pageable, Set.of("name", "createdAt"), Sort.by("name"))),
        o -> view(o, false));
  }

  @GetMapping("/overlays/{id}")
  @Operation(
      summary = "Read an overlay",
      description = "With its member sites and tunnels; 404 outside the caller's scope.")
  public OverlayView get(@PathVariable String id) {
    return view(service.get(CurrentScope.get(), id), true);
  }

  @PostMapping("/overlays")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an overlay",
      description =
          "DRAFT, with hubs and member sites of its own tenant (422 naming the site otherwise).")
  public OverlayView create(@Valid @RequestBody OverlayRequest request) {
    return view(service.create(CurrentScope.get(), request), true);
  }

  @PostMapping("/overlays/{id}/plan")
  @Operation(
      summary = "Preview an overlay's plan",
      description =
          "Read-only: the tunnel allocation, per site the commands a rollout would load, and per"
              + " device the rollout would configure its own show | compare of that change (loaded"
              + " into its candidate and discarded; keys hidden), or the device's error.")
  public PlanView plan(@PathVariable String id) {
    OverlayChecks.PlanPreview p = checks.plan(CurrentScope.get(), id);
    return new PlanView(
        p.unchanged(),
        p.tunnels().stream().map(TunnelView::of).toList(),
        p.added(),
        p.removed(),
        p.configuration(),
        p.devices());
  }

  @PostMapping("/overlays/{id}/steering-check")
  @Operation(
      summary = "Check SLA steering",
      description =
          "Reads every member device's RPM probes now, records the tunnels' SLA figures, and"
              + " answers per site and steering rule the path its device would take towards each"
              + " peer: the preferred label while it meets the SLA, else one that does.")
  public SteeringCheckView steeringCheck(@PathVariable String id) {
    OverlayChecks.SteeringCheckResult r = checks.steeringCheck(CurrentScope.get(), id);
    return new SteeringCheckView(id, r.measuredAt(), r.sites(), r.errors());
  }

  @PostMapping("/overlays/{id}/rollout")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Roll an overlay out",
      description = "Starts the sdwan-rollout operation; 422 when the overlay cannot be planned.")
  public OperationView rollout(
      @PathVariable String id,
      @RequestParam(required = false) Integer batchSize,
      @RequestParam(required = false) Integer failureThresholdPercent) {
    return new OperationView(
        service.rollout(CurrentScope.get(), id, batchSize, failureThresholdPercent).getId(), id);
  }

  @PostMapping("/overlays/{id}/sites")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Join a site",
      description =
          "Starts sdwan-site-join for a site of the overlay's tenant; the overlay must be ACTIVE.")
  public OperationView join(@PathVariable String id, @Valid @RequestBody JoinRequest request) {
    return new OperationView(service.join(CurrentScope.get(), id, request.siteId()).getId(), id);
  }

  @DeleteMapping("/overlays/{id}/sites/{siteId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Remove a site",
      description = "Starts sdwan-site-leave; a hub cannot leave.")
  public OperationView leave(@PathVariable String id, @PathVariable String siteId) {
    return new OperationView(service.leave(CurrentScope.get(), id, siteId).getId(), id);
  }

  @GetMapping("/overlays/{id}/steering-rules")
  @Operation(summary = "List steering rules", description = "In the order they match.")
  public List<SteeringRuleView> steeringRules(@PathVariable String id) {
    return service.steeringRules(CurrentScope.get(), id).stream()
        .map(SteeringRuleView::of)
        .toList();
  }

  @PutMapping("/overlays/{id}/steering-rules")
  @Operation(
      summary = "Replace steering rules",
      description = "The whole ordered list; each matches an application or a DSCP value.")
  public List<SteeringRuleView> replaceSteeringRules(
      @PathVariable String id, @RequestBody List<@Valid SteeringRuleRequest> rules) {
    return service.replaceSteeringRules(CurrentScope.get(), id, rules).stream()
        .map(SteeringRuleView::of)
        .toList();
  }

  @GetMapping("/sla-profiles")
  @Operation(
      summary = "List SLA profiles",
      description = "A page of the SLA profiles in the caller's scope.")
  public PageResponse<SlaProfileView> slaProfiles(Pageable pageable) {
    return PageResponse.of(
        service.slaProfiles(
            CurrentScope.get(), Paging.of(pageable, Set.of("name"), Sort.by("name"))),
        SlaProfileView::of);
  }

  @PostMapping("/sla-profiles")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an SLA profile",
      description = "Loss, RTT and jitter limits, and a preferred path label.")
  public SlaProfileView createSlaProfile(@Valid @RequestBody SlaProfileRequest request) {
    return SlaProfileView.of(service.createSlaProfile(CurrentScope.get(), request));
  }

  private List<TunnelView> tunnels(String overlayId) {
    List<DeviceIntent.Steering> slaProfiles = service.slaProfiles(overlayId);
    return service.tunnels(overlayId).stream().map(t -> TunnelView.of(t, slaProfiles)).toList();
  }

  private OverlayView view(Overlay o, boolean details) {
    // a failed join is shown with its reason, but the site is not one of the overlay's sites
    List<OverlayMember> rows =
        service.members(o.getId()).stream()
            .filter(m -> !OverlayMember.LEFT.equals(m.getState()))
            .toList();
    List<MemberView> members =
        rows.stream()
            .map(m -> new MemberView(m.getSiteId(), m.isHub(), m.getState(), m.getReason()))
            .toList();
    List<String> siteIds =
        rows.stream().filter(OverlayMember::inOverlay).map(OverlayMember::getSiteId).toList();
    return new OverlayView(
        o.getId(),
        o.getTenantId(),
        o.getName(),
        o.getTopology(),
        o.getTunnelPool(),
        o.getState(),
        o.getFailureReason(),
        members.stream().filter(MemberView::hub).map(MemberView::siteId).toList(),
        siteIds,
        members,
        details ? tunnels(o.getId()) : List.of());
  }
}
