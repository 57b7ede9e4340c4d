package io.switchboard.inventory.sdwan.planning;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.SlaProfile;
import io.switchboard.inventory.sdwan.SlaProfileRepository;
import io.switchboard.inventory.sdwan.SteeringRule;
import io.switchboard.inventory.sdwan.SteeringRuleRepository;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelRepository;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import io.switchboard.inventory.sdwan.plan.Ipv4;
import io.switchboard.inventory.sdwan.plan.OverlayPlanner;
import io.switchboard.inventory.sdwan.plan.Plan;
import io.switchboard.inventory.sdwan.plan.PlanLink;
import io.switchboard.inventory.sdwan.plan.PlanRequest;
import io.switchboard.inventory.sdwan.plan.PlanSite;
import io.switchboard.inventory.sdwan.plan.PlanTunnel;
import io.switchboard.inventory.sdwan.render.DeviceIntent;
import io.switchboard.inventory.sdwan.render.DeviceIntents;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an overlay from the inventory into the planner's terms, renders each site's intent, and
 * persists a plan's allocations (new tunnels with fresh pre-shared keys, freed numbers, the delete
 * commands each touched site needs first). Tunnel limits per model: {@code
 * switchboard.sdwan.tunnel-limit.<MODEL>}, default {@code switchboard.sdwan.default-tunnel-limit}
 * (2000, SRX300 class).
 */
@Component
public class OverlayPlanning {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An overlay with everything planning and rendering need, read once. */
  public record Snapshot(
      Overlay overlay,
      PlanRequest request,
      Map<String, OverlayMember> members,
      Map<String, List<WanLink>> links,
      Map<String, String> families,
      List<DeviceIntent.Steering> steering,
      Map<Integer, Tunnel> tunnels) {}

  private final OverlayRepository overlays;
  private final OverlayMemberRepository members;
  private final TunnelRepository tunnels;
  private final WanLinkRepository links;
  private final LanSegmentRepository segments;
  private final SteeringRuleRepository steering;
  private final SlaProfileRepository slaProfiles;
  private final SiteRepository sites;
  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final Environment environment;

  public OverlayPlanning(
      OverlayRepository overlays,
      OverlayMemberRepository members,
      TunnelRepository tunnels,
      WanLinkRepository links,
      LanSegmentRepository segments,
      SteeringRuleRepository steering,
      SlaProfileRepository slaProfiles,
      SiteRepository sites,
      DeviceRepository devices,
      DeviceModelRepository models,
      Environment environment) {
    this.overlays = overlays;
    this.members = members;
    this.tunnels = tunnels;
    this.links = links;
    this.segments = segments;
    this.steering = steering;
    this.slaProfiles = slaProfiles;
    this.sites = sites;
    this.devices = devices;
    this.models = models;
    this.environment = environment;
  }

  /** The overlay as it stands, its current tunnels as the previous plan. */
  @Transactional(readOnly = true)
  public Snapshot snapshot(String overlayId) {
    Overlay overlay =
        overlays
            .findById(overlayId)
            .orElseThrow(() -> new NoSuchElementException("no overlay " + overlayId));
    Map<String, OverlayMember> memberMap = new LinkedHashMap<>();
    List<String> hubs = new ArrayList<>();
    List<String> siteIds = new ArrayList<>();
    List<String> everSites = new ArrayList<>();
    for (OverlayMember m : members.findByOverlayId(overlayId)) {
      everSites.add(m.getSiteId());
      if ("LEFT".equals(m.getState())) {
        continue;
      }
      memberMap.put(m.getSiteId(), m);
      (m.isHub() ? hubs : siteIds).add(m.getSiteId());
    }
    siteIds.addAll(0, hubs);
    Map<String, List<WanLink>> linkMap = new HashMap<>();
    for (WanLink l : links.findBySiteIdIn(everSites)) {
      linkMap.computeIfAbsent(l.getSiteId(), k -> new ArrayList<>()).add(l);
    }
    Map<String, List<String>> prefixes = new HashMap<>();
    for (LanSegment s : segments.findBySiteIdIn(everSites)) {
      prefixes.computeIfAbsent(s.getSiteId(), k -> new ArrayList<>()).add(s.getPrefix());
    }
    Map<String, PlanSite> planSites = new HashMap<>();
    Map<String, String> families = new HashMap<>();
    for (String siteId : everSites) {
      Site site = sites.findById(siteId).orElseThrow();
      DeviceModel model = modelAt(siteId);
      String modelName = model == null ? "unknown" : model.getName();
      families.put(siteId, model == null ? "srx" : model.getFamily());
      List<PlanLink> planLinks = new ArrayList<>();
      for (WanLink l : linkMap.getOrDefault(siteId, List.of())) {
        planLinks.add(
            new PlanLink(l.getInterfaceName(), l.getPathLabel(), underlay(l), l.getPriority()));
      }
      planSites.put(
          siteId,
          new PlanSite(
              siteId,
              site.getName(),
              modelName,
              tunnelLimit(modelName),
              planLinks,
              prefixes.getOrDefault(siteId, List.of())));
    }
    Map<Integer, Tunnel> current = new LinkedHashMap<>();
    List<PlanTunnel> previous = new ArrayList<>();
    for (Tunnel t : tunnels.findByOverlayIdOrderByNumber(overlayId)) {
      current.put(t.getNumber(), t);
      previous.add(toPlan(t));
    }
    PlanRequest request =
        new PlanRequest(
            overlay.getTopology(), hubs, siteIds, overlay.getTunnelPool(), planSites, previous);
    return new Snapshot(
        overlay, request, memberMap, linkMap, families, steeringOf(overlayId), current);
  }

  /** Plans the snapshot (read-only). */
  public Plan plan(Snapshot snapshot) {
    return OverlayPlanner.plan(snapshot.request());
  }

  /** One site's intent over {@code tunnels}, keys from {@code preSharedKey}. */
  public DeviceIntent intent(
      Snapshot snapshot,
      List<PlanTunnel> planTunnels,
      String siteId,
      IntFunction<String> preSharedKey) {
    List<DeviceIntent.WanPort> ports = new ArrayList<>();
    for (WanLink l : snapshot.links().getOrDefault(siteId, List.of())) {
      ports.add(
          new DeviceIntent.WanPort(
              l.getInterfaceName(),
              l.getAddressing() == Addressing.STATIC ? l.getAddress() : null,
              l.getGateway()));
    }
    return DeviceIntents.forSite(
        snapshot.request(),
        planTunnels,
        siteId,
        snapshot.families().getOrDefault(siteId, "srx"),
        ports,
        preSharedKey,
        new DeviceIntent.IkeProfile(
            snapshot.overlay().getIkeVersion(),
            snapshot.overlay().getEncryption(),
            snapshot.overlay().getDhGroup(),
            snapshot.overlay().isDpd()),
        snapshot.steering());
  }

  /**
   * Plans the overlay and writes the allocations: new tunnels (PLANNED, a fresh key each), changed
   * ones updated, removed ones deleted (their numbers free again), and on every touched member the
   * delete commands it needs before its new configuration. Returns the plan.
   */
  @Transactional
  public Plan persist(String overlayId) {
    Snapshot snapshot = snapshot(overlayId);
    Plan plan = plan(snapshot);
    for (String siteId : plan.touchedSites()) {
      OverlayMember member = snapshot.members().get(siteId);
      if (member == null) {
        continue;
      }
      List<String> removal =
          io.switchboard.inventory.sdwan.render.JunosSdwanRenderer.removal(
              intent(snapshot, snapshot.request().previous(), siteId, n -> "-"),
              intent(snapshot, plan.tunnels(), siteId, n -> "-"));
      String joined = String.join("\n", removal);
      if (member.getPendingRemoval() != null && !member.getPendingRemoval().isBlank()) {
        joined = member.getPendingRemoval() + (joined.isEmpty() ? "" : "\n" + joined);
      }
      member.setPendingRemoval(joined.isEmpty() ? null : joined);
      members.save(member);
    }
    for (PlanTunnel removed : plan.removed()) {
      tunnels.delete(snapshot.tunnels().get(removed.number()));
    }
    tunnels.flush();
    for (PlanTunnel changed : plan.changed()) {
      Tunnel t = snapshot.tunnels().get(changed.number());
      apply(t, changed);
      tunnels.save(t);
    }
    for (PlanTunnel added : plan.added()) {
      Tunnel t =
          new Tunnel(
              snapshot.overlay().getTenantId(), overlayId, added.number(), newPreSharedKey());
      apply(t, added);
      tunnels.save(t);
    }
    return plan;
  }

  /**
   * The commands that bring one site's device to the overlay's current allocation: the pending
   * deletes first, then the whole overlay stanza set (with the real keys: for the worker only).
   */
  @Transactional(readOnly = true)
  public List<String> configurationFor(String overlayId, String siteId) {
    Snapshot snapshot = snapshot(overlayId);
    List<String> out = new ArrayList<>();
    OverlayMember member = snapshot.members().get(siteId);
    if (member != null && member.getPendingRemoval() != null) {
      out.addAll(List.of(member.getPendingRemoval().split("\n")));
    }
    out.addAll(
        io.switchboard.inventory.sdwan.render.JunosSdwanRenderer.render(
            intent(
                snapshot,
                snapshot.request().previous(),
                siteId,
                n -> snapshot.tunnels().get(n).getPreSharedKey())));
    return out;
  }

  /** The commands that take the whole overlay off one site's device (compensation, leave). */
  @Transactional(readOnly = true)
  public List<String> removalFor(String overlayId, String siteId) {
    Snapshot snapshot = snapshot(overlayId);
    return io.switchboard.inventory.sdwan.render.JunosSdwanRenderer.removeAll(
        intent(snapshot, snapshot.request().previous(), siteId, n -> "-"));
  }

  public static PlanTunnel toPlan(Tunnel t) {
    return new PlanTunnel(
        t.getNumber(),
        t.getPathLabel(),
        t.getASiteId(),
        t.getAInterface(),
        t.getAUnderlay(),
        t.getAAddress(),
        t.getBSiteId(),
        t.getBInterface(),
        t.getBUnderlay(),
        t.getBAddress());
  }

  private static void apply(Tunnel t, PlanTunnel p) {
    t.setPathLabel(p.pathLabel());
    t.setASiteId(p.aSiteId());
    t.setAInterface(p.aInterface());
    t.setAUnderlay(p.aUnderlay());
    t.setAAddress(p.aAddress());
    t.setBSiteId(p.bSiteId());
    t.setBInterface(p.bInterface());
    t.setBUnderlay(p.bUnderlay());
    t.setBAddress(p.bAddress());
  }

  /** Where peers reach a link: its public address, else its static address, else unknown. */
  public static String underlay(WanLink link) {
    if (link.getPublicAddress() != null) {
      return link.getPublicAddress();
    }
    if (link.getAddressing() == Addressing.STATIC && link.getAddress() != null) {
      return Ipv4.hostPart(link.getAddress());
    }
    return null;
  }

  private DeviceModel modelAt(String siteId) {
    List<Device> atSite = devices.findAll((r, q, cb) -> cb.equal(r.get("siteId"), siteId));
    return atSite.isEmpty() ? null : models.findById(atSite.get(0).getModelId()).orElse(null);
  }

  private int tunnelLimit(String modelName) {
    int fallback =
        environment.getProperty("switchboard.sdwan.default-tunnel-limit", Integer.class, 2000);
    return environment.getProperty(
        "switchboard.sdwan.tunnel-limit." + modelName, Integer.class, fallback);
  }

  private List<DeviceIntent.Steering> steeringOf(String overlayId) {
    List<DeviceIntent.Steering> result = new ArrayList<>();
    for (SteeringRule rule : steering.findByOverlayIdOrderByRuleOrder(overlayId)) {
      SlaProfile sla = slaProfiles.findById(rule.getSlaProfileId()).orElse(null);
      if (sla == null) {
        continue;
      }
      result.add(
          new DeviceIntent.Steering(
              rule.getRuleOrder(),
              rule.getApplication(),
              rule.getDscp(),
              sla.getName(),
              sla.getMaxLossPercent(),
              sla.getMaxRttMs(),
              sla.getMaxJitterMs(),
              sla.getPreferredPathLabel()));
    }
    return result;
  }

  private static String newPreSharedKey() {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
