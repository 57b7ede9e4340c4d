package io.switchboard.api.sdwan;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.OverlayState;
import io.switchboard.inventory.sdwan.SlaProfile;
import io.switchboard.inventory.sdwan.SlaProfileRepository;
import io.switchboard.inventory.sdwan.SteeringRule;
import io.switchboard.inventory.sdwan.SteeringRuleRepository;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelRepository;
import io.switchboard.inventory.sdwan.plan.Ipv4;
import io.switchboard.inventory.sdwan.plan.PlanException;
import io.switchboard.inventory.sdwan.planning.OverlayPlanning;
import io.switchboard.inventory.sdwan.render.DeviceIntent;
import io.switchboard.inventory.site.Site;
import io.switchboard.workflows.sdwan.SdwanProcesses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overlays, SLA profiles and steering rules of a tenant, and the operations that roll an overlay
 * out or move one site in or out. An overlay holds only its own tenant's sites: another tenant's
 * site id is "not found", exactly like a missing one.
 */
@Service
public class OverlayService {
  /** The create body. */
  public record OverlayRequest(
      @NotBlank @Size(max = 36) @SafeText String tenantId,
      @NotBlank @Size(max = 120) @SafeText String name,
      @NotNull Topology topology,
      @Size(max = 2) List<@NotBlank @Size(max = 36) String> hubSiteIds,
      @NotNull @Size(max = 5000) List<@NotBlank @Size(max = 36) String> siteIds,
      @NotBlank @Size(max = 43) String tunnelPool) {}

  public record SlaProfileRequest(
      @NotBlank @Size(max = 36) @SafeText String tenantId,
      @NotBlank
          @Size(max = 60)
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9-]*",
              message = "must be letters, digits and dashes")
          String name,
      @NotNull @Min(0) @Max(100) Integer maxLossPercent,
      @NotNull @Min(1) @Max(10000) Integer maxRttMs,
      @NotNull @Min(0) @Max(10000) Integer maxJitterMs,
      @Size(max = 40) String preferredPathLabel) {}

  public record SteeringRuleRequest(
      @Pattern(
              regexp = "junos-[a-z0-9-]+",
              message = "must be a Junos predefined application such as junos-sip")
          String application,
      @Min(0) @Max(63) Integer dscp,
      @NotBlank @Size(max = 36) String slaProfileId) {}

  private final ScopedRepository<Overlay> scopedOverlays;
  private final ScopedRepository<SlaProfile> scopedSla;
  private final ScopedInventory inventory;
  private final OverlayRepository overlays;
  private final OverlayMemberRepository members;
  private final TunnelRepository tunnels;
  private final SlaProfileRepository slaProfiles;
  private final SteeringRuleRepository steering;
  private final OverlayPlanning planning;
  private final OperationStarter starter;

  public OverlayService(
      ScopedInventory inventory,
      OverlayRepository overlays,
      OverlayMemberRepository members,
      TunnelRepository tunnels,
      SlaProfileRepository slaProfiles,
      SteeringRuleRepository steering,
      OverlayPlanning planning,
      OperationStarter starter) {
    this.inventory = inventory;
    this.overlays = overlays;
    this.members = members;
    this.tunnels = tunnels;
    this.slaProfiles = slaProfiles;
    this.steering = steering;
    this.planning = planning;
    this.starter = starter;
    this.scopedOverlays = new ScopedRepository<>(overlays, Visibility::tenantOwned);
    this.scopedSla = new ScopedRepository<>(slaProfiles, Visibility::tenantOwned);
  }

  @Transactional(readOnly = true)
  public Page<Overlay> list(AccessScope scope, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.NETWORK);
    return scopedOverlays.page(scope, (r, q, cb) -> cb.conjunction(), pageable);
  }

  @Transactional(readOnly = true)
  public Overlay get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.NETWORK);
    return find(scope, id);
  }

  @Transactional(readOnly = true)
  public List<OverlayMember> members(String overlayId) {
    return members.findByOverlayId(overlayId);
  }

  @Transactional(readOnly = true)
  public List<Tunnel> tunnels(String overlayId) {
    return tunnels.findByOverlayIdOrderByNumber(overlayId);
  }

  /** The SLA profiles of the overlay's steering rules, in rule order. */
  public List<DeviceIntent.Steering> slaProfiles(String overlayId) {
    return planning.steeringOf(overlayId);
  }

  @Transactional
  public Overlay create(AccessScope scope, OverlayRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    InScope.requireReference(inventory.tenants(), scope, "tenantId", "tenant", request.tenantId());
    List<String> hubs = request.hubSiteIds() == null ? List.of() : request.hubSiteIds();
    if (request.topology() == Topology.HUB_SPOKE && hubs.isEmpty()) {
      throw ApiException.invalid("hubSiteIds", "a hub-and-spoke overlay needs one or two hubs");
    }
    if (request.topology() == Topology.FULL_MESH && !hubs.isEmpty()) {
      throw ApiException.invalid("hubSiteIds", "a full mesh has no hubs");
    }
    if (!Ipv4.isPrefix(request.tunnelPool()) || Ipv4.prefix(request.tunnelPool()).length() > 31) {
      throw ApiException.invalid("tunnelPool", "must be an IPv4 prefix such as 10.255.0.0/16");
    }
    requireOwnSites(scope, request.tenantId(), "hubSiteIds", hubs);
    requireOwnSites(scope, request.tenantId(), "siteIds", request.siteIds());
    if (overlays.existsByTenantIdAndName(request.tenantId(), request.name())) {
      throw ApiException.conflict(
          "name", "the tenant has an overlay named '" + request.name() + "' already");
    }
    Overlay overlay =
        overlays.save(
            new Overlay(
                request.tenantId(),
                request.name(),
                request.topology(),
                Ipv4.prefix(request.tunnelPool()).toString()));
    Set<String> all = new LinkedHashSet<>(hubs);
    all.addAll(request.siteIds());
    for (String site : all) {
      members.save(
          new OverlayMember(request.tenantId(), overlay.getId(), site, hubs.contains(site)));
    }
    return overlay;
  }

  @Transactional
  public Operation rollout(AccessScope scope, String id, Integer batchSize, Integer threshold) {
    Permissions.require(scope, Action.RUN, Resource.NETWORK);
    Overlay overlay = find(scope, id);
    try {
      planning.plan(planning.snapshot(id));
    } catch (PlanException e) {
      throw ApiException.unprocessable(e.field(), e.getMessage());
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(SdwanProcesses.VAR_OVERLAY_ID, id);
    variables.put(
        SdwanProcesses.VAR_BATCH_SIZE,
        batchSize == null ? SdwanProcesses.DEFAULT_BATCH_SIZE : batchSize);
    variables.put(
        SdwanProcesses.VAR_FAILURE_THRESHOLD,
        threshold == null ? SdwanProcesses.DEFAULT_FAILURE_THRESHOLD : threshold);
    return start(scope, overlay, SdwanProcesses.ROLLOUT, variables);
  }

  @Transactional
  public Operation join(AccessScope scope, String id, String siteId) {
    Permissions.require(scope, Action.RUN, Resource.NETWORK);
    Overlay overlay = find(scope, id);
    requireOwnSites(scope, overlay.getTenantId(), "siteId", List.of(siteId));
    requireActive(overlay);
    if (members.findByOverlayIdAndSiteId(id, siteId).filter(OverlayMember::inOverlay).isPresent()) {
      throw ApiException.conflict("siteId", "site '" + siteId + "' is in the overlay already");
    }
    OverlayMember member =
        members
            .findByOverlayIdAndSiteId(id, siteId)
            .orElseGet(() -> new OverlayMember(overlay.getTenantId(), id, siteId, false));
    member.setState("PLANNED");
    members.save(member);
    return start(
        scope,
        overlay,
        SdwanProcesses.SITE_JOIN,
        Map.of(SdwanProcesses.VAR_OVERLAY_ID, id, SdwanProcesses.VAR_SITE_ID, siteId));
  }

  @Transactional
  public Operation leave(AccessScope scope, String id, String siteId) {
    Permissions.require(scope, Action.RUN, Resource.NETWORK);
    Overlay overlay = find(scope, id);
    requireActive(overlay);
    OverlayMember member =
        members
            .findByOverlayIdAndSiteId(id, siteId)
            .filter(OverlayMember::inOverlay)
            .orElseThrow(() -> ApiException.notFound("Overlay site", siteId));
    if (member.isHub()) {
      throw ApiException.conflict("siteId", "a hub cannot leave its overlay");
    }
    return start(
        scope,
        overlay,
        SdwanProcesses.SITE_LEAVE,
        Map.of(SdwanProcesses.VAR_OVERLAY_ID, id, SdwanProcesses.VAR_SITE_ID, siteId));
  }

  @Transactional(readOnly = true)
  public List<SteeringRule> steeringRules(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.NETWORK);
    find(scope, id);
    return steering.findByOverlayIdOrderByRuleOrder(id);
  }

  /** Replaces the overlay's steering rules with {@code rules}, in that order. */
  @Transactional
  public List<SteeringRule> replaceSteeringRules(
      AccessScope scope, String id, List<@Valid SteeringRuleRequest> rules) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    Overlay overlay = find(scope, id);
    for (int i = 0; i < rules.size(); i++) {
      SteeringRuleRequest r = rules.get(i);
      if ((r.application() == null) == (r.dscp() == null)) {
        throw ApiException.invalid("[" + i + "].application", "give either application or dscp");
      }
      SlaProfile sla =
          scopedSla
              .find(scope, r.slaProfileId())
              .filter(p -> p.getTenantId().equals(overlay.getTenantId()))
              .orElse(null);
      if (sla == null) {
        throw ApiException.unprocessable(
            "[" + i + "].slaProfileId", "SLA profile '" + r.slaProfileId() + "' not found");
      }
    }
    steering.deleteByOverlayId(id);
    steering.flush();
    List<SteeringRule> saved = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      SteeringRuleRequest r = rules.get(i);
      SteeringRule rule = new SteeringRule(overlay.getTenantId(), id, i + 1, r.slaProfileId());
      rule.setApplication(r.application());
      rule.setDscp(r.dscp());
      saved.add(steering.save(rule));
    }
    return saved;
  }

  @Transactional(readOnly = true)
  public Page<SlaProfile> slaProfiles(AccessScope scope, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.NETWORK);
    return scopedSla.page(scope, (r, q, cb) -> cb.conjunction(), pageable);
  }

  @Transactional
  public SlaProfile createSlaProfile(AccessScope scope, SlaProfileRequest r) {
    Permissions.require(scope, Action.WRITE, Resource.NETWORK);
    InScope.requireReference(inventory.tenants(), scope, "tenantId", "tenant", r.tenantId());
    if (slaProfiles.existsByTenantIdAndName(r.tenantId(), r.name())) {
      throw ApiException.conflict(
          "name", "the tenant has an SLA profile named '" + r.name() + "' already");
    }
    SlaProfile p = new SlaProfile(r.tenantId(), r.name());
    p.setMaxLossPercent(r.maxLossPercent());
    p.setMaxRttMs(r.maxRttMs());
    p.setMaxJitterMs(r.maxJitterMs());
    p.setPreferredPathLabel(r.preferredPathLabel());
    return slaProfiles.save(p);
  }

  private Operation start(
      AccessScope scope, Overlay overlay, String process, Map<String, Object> variables) {
    return starter.record(
        new Operation(
            overlay.getTenantId(),
            process,
            Operation.TARGET_OVERLAY,
            overlay.getId(),
            scope.username()),
        new HashMap<>(variables));
  }

  private static void requireActive(Overlay overlay) {
    if (overlay.getState() != OverlayState.ACTIVE && overlay.getState() != OverlayState.DEGRADED) {
      throw ApiException.conflict(
          null, "overlay '" + overlay.getName() + "' is " + overlay.getState() + ", not ACTIVE");
    }
  }

  /** Each id names a site the caller sees in {@code tenantId}; 422 naming the entry otherwise. */
  private void requireOwnSites(AccessScope scope, String tenantId, String field, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Site site = inventory.sites().find(scope, id).orElse(null);
      if (site == null || !site.getTenantId().equals(tenantId)) {
        throw ApiException.unprocessable(
            field.equals("siteId") ? field : field + "[" + i + "]", "site '" + id + "' not found");
      }
    }
  }

  private Overlay find(AccessScope scope, String id) {
    return InScope.findOr404(scopedOverlays, scope, "Overlay", id);
  }
}
