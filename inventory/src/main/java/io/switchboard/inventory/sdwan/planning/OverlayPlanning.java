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
import io.switchboard.inventory.sdwan.render.JunosSdwanRenderer;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
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

  /**
   * An overlay with everything planning and rendering need, read once. {@code previousRequest} is
   * the overlay as its current tunnels were planned: the hubs and every site that still has tunnels
   * (a site that just left is still in it, one that is joining is not yet), each site with the LAN
   * prefixes and WAN ports it was last planned with ({@code previousPorts}), so that what the other
   * members route to, and a site's own WAN addressing, can be compared before and after. {@code
   * routedByOthers}: per site whose device other overlays use, the prefixes they route there;
   * {@code legacyElsewhere}: the sites where another overlay's member may still carry stanzas named
   * before per-overlay naming.
   */
  public record Snapshot(
      Overlay overlay,
      PlanRequest request,
      PlanRequest previousRequest,
      Map<String, OverlayMember> members,
      Map<String, List<WanLink>> links,
      Map<String, String> families,
      List<DeviceIntent.Steering> steering,
      Map<Integer, Tunnel> tunnels,
      Map<String, List<DeviceIntent.WanPort>> previousPorts,
      Map<String, Set<String>> routedByOthers,
      Set<String> legacyElsewhere) {}

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
    Map<String, OverlayMember> everMembers = new HashMap<>();
    for (OverlayMember m : members.findByOverlayId(overlayId)) {
      everSites.add(m.getSiteId());
      everMembers.put(m.getSiteId(), m);
      if (!m.inOverlay()) {
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
    Map<String, Set<Integer>> unitsInUse = new HashMap<>();
    List<Tunnel> others = new ArrayList<>();
    for (Tunnel t : everSites.isEmpty() ? List.<Tunnel>of() : tunnels.findEndingAt(everSites)) {
      if (!t.getOverlayId().equals(overlayId)) {
        unitsInUse.computeIfAbsent(t.getASiteId(), k -> new HashSet<>()).add(t.getSt0Unit());
        unitsInUse.computeIfAbsent(t.getBSiteId(), k -> new HashSet<>()).add(t.getSt0Unit());
        others.add(t);
      }
    }
    Map<String, Set<String>> routedByOthers =
        others.isEmpty()
            ? Map.of()
            : new OtherOverlayRoutes(overlays, members, segments)
                .at(new HashSet<>(everSites), others);
    Set<String> legacyElsewhere = new HashSet<>();
    if (!others.isEmpty()) {
      for (OverlayMember m : members.findBySiteIdIn(unitsInUse.keySet())) {
        if (!m.getOverlayId().equals(overlayId) && m.inOverlay() && m.hasLegacyNames()) {
          legacyElsewhere.add(m.getSiteId());
        }
      }
    }
    Map<String, PlanSite> planSites = new HashMap<>();
    Map<String, PlanSite> previousPlanSites = new HashMap<>();
    Map<String, List<DeviceIntent.WanPort>> previousPorts = new HashMap<>();
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
      PlanSite planSite =
          new PlanSite(
              siteId,
              site.getName(),
              modelName,
              tunnelLimit(modelName),
              planLinks,
              prefixes.getOrDefault(siteId, List.of()),
              unitsInUse.getOrDefault(siteId, Set.of()));
      planSites.put(siteId, planSite);
      OverlayMember member = everMembers.get(siteId);
      List<String> plannedPrefixes =
          member == null || member.getPlannedPrefixes() == null
              ? planSite.lanPrefixes()
              : PlannedPorts.decodePrefixes(member.getPlannedPrefixes());
      previousPlanSites.put(
          siteId,
          new PlanSite(
              siteId,
              site.getName(),
              modelName,
              planSite.tunnelLimit(),
              planLinks,
              plannedPrefixes,
              planSite.unitsInUse()));
      previousPorts.put(
          siteId,
          member == null || member.getPlannedWan() == null
              ? ports(linkMap.getOrDefault(siteId, List.of()))
              : PlannedPorts.decode(member.getPlannedWan()));
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
    List<String> previousSites = new ArrayList<>(hubs);
    for (String siteId : everSites) {
      boolean hadTunnels = previous.stream().anyMatch(t -> t.touches(siteId));
      if (hadTunnels && !previousSites.contains(siteId)) {
        previousSites.add(siteId);
      }
    }
    PlanRequest previousRequest =
        new PlanRequest(
            overlay.getTopology(),
            hubs,
            previousSites,
            overlay.getTunnelPool(),
            previousPlanSites,
            previous);
    return new Snapshot(
        overlay,
        request,
        previousRequest,
        memberMap,
        linkMap,
        families,
        steeringOf(overlayId),
        current,
        previousPorts,
        routedByOthers,
        legacyElsewhere);
  }

  /** What a persisted plan changed: the plan, and every member whose configuration changes. */
  public record Persisted(Plan plan, Set<String> touchedSites) {}

  /** Plans the snapshot (read-only). */
  public Plan plan(Snapshot snapshot) {
    return OverlayPlanner.plan(snapshot.request());
  }

  /** One site's intent over {@code tunnels} in the overlay as it is now, keys from the function. */
  public DeviceIntent intent(
      Snapshot snapshot,
      List<PlanTunnel> planTunnels,
      String siteId,
      IntFunction<String> preSharedKey) {
    return intent(snapshot, snapshot.request(), planTunnels, siteId, preSharedKey);
  }

  /** One site's intent as its current tunnels were planned (what its device runs now). */
  public DeviceIntent previousIntent(
      Snapshot snapshot, String siteId, IntFunction<String> preSharedKey) {
    return intent(
            snapshot,
            snapshot.previousRequest(),
            snapshot.previousRequest().previous(),
            siteId,
            preSharedKey)
        .withWanLinks(snapshot.previousPorts().getOrDefault(siteId, List.of()));
  }

  /**
   * The members whose configuration {@code plan} changes: the ends of its added, removed and
   * changed tunnels, every member whose rendered configuration differs from the one it was last
   * planned with (routes to a LAN segment added, changed or removed elsewhere, its own WAN
   * addressing), and every member that may still carry stanzas under the names used before
   * per-overlay naming.
   */
  public Set<String> touchedSites(Snapshot snapshot, Plan plan) {
    Set<String> touched = new LinkedHashSet<>(plan.touchedSites());
    for (OverlayMember m : snapshot.members().values()) {
      if (m.hasLegacyNames()) {
        touched.add(m.getSiteId());
      }
    }
    for (String siteId : snapshot.members().keySet()) {
      if (touched.contains(siteId)) {
        continue;
      }
      Set<String> before =
          new HashSet<>(JunosSdwanRenderer.render(previousIntent(snapshot, siteId, n -> "-")));
      Set<String> after =
          new HashSet<>(
              JunosSdwanRenderer.render(intent(snapshot, plan.tunnels(), siteId, n -> "-")));
      if (!before.equals(after)) {
        touched.add(siteId);
      }
    }
    return touched;
  }

  private DeviceIntent intent(
      Snapshot snapshot,
      PlanRequest request,
      List<PlanTunnel> planTunnels,
      String siteId,
      IntFunction<String> preSharedKey) {
    List<DeviceIntent.WanPort> ports = ports(snapshot.links().getOrDefault(siteId, List.of()));
    return DeviceIntents.forSite(
        request,
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
        snapshot.steering(),
        JunosSdwanRenderer.overlayTag(snapshot.overlay().getId()),
        sharedDevice(snapshot, siteId),
        snapshot.routedByOthers().getOrDefault(siteId, Set.of()));
  }

  private static List<DeviceIntent.WanPort> ports(List<WanLink> links) {
    List<DeviceIntent.WanPort> ports = new ArrayList<>();
    for (WanLink l : links) {
      ports.add(
          new DeviceIntent.WanPort(
              l.getInterfaceName(),
              l.getAddressing() == Addressing.STATIC ? l.getAddress() : null,
              l.getGateway()));
    }
    return ports;
  }

  /**
   * The deletes of a legacy member's stanzas named before per-overlay naming (empty for any other
   * member); the proposals those names share stay while another overlay's member on the device may
   * still use them.
   */
  private List<String> legacyRemoval(
      Snapshot snapshot, String siteId, DeviceIntent previous, DeviceIntent next) {
    OverlayMember member = snapshot.members().get(siteId);
    if (member == null || !member.hasLegacyNames()) {
      return List.of();
    }
    return JunosSdwanRenderer.legacyRemoval(
        previous, next, snapshot.legacyElsewhere().contains(siteId));
  }

  /** Whether another overlay has tunnels on the site's device (it keeps the shared stanzas). */
  private static boolean sharedDevice(Snapshot snapshot, String siteId) {
    PlanSite site = snapshot.request().sites().get(siteId);
    return site != null && !site.unitsInUse().isEmpty();
  }

  /**
   * Plans the overlay and writes the allocations: new tunnels (PLANNED, a fresh key each), changed
   * ones updated, removed ones deleted (their numbers free again), and on every touched member the
   * delete commands it needs before its new configuration. Returns the plan. The member sites are
   * locked first: two overlays sharing a device plan one after the other. Read committed, so that
   * what is read after the lock includes the units the other overlay committed meanwhile (under
   * MySQL's repeatable read the lock statement itself would fix an older snapshot).
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public Persisted persist(String overlayId) {
    members.lockSitesOf(overlayId);
    Snapshot snapshot = snapshot(overlayId);
    Plan plan = plan(snapshot);
    Set<String> touched = touchedSites(snapshot, plan);
    for (String siteId : touched) {
      OverlayMember member = snapshot.members().get(siteId);
      if (member == null) {
        continue;
      }
      List<String> removal =
          JunosSdwanRenderer.removal(
              previousIntent(snapshot, siteId, n -> "-"),
              intent(snapshot, plan.tunnels(), siteId, n -> "-"));
      String joined = String.join("\n", removal);
      if (member.getPendingRemoval() != null && !member.getPendingRemoval().isBlank()) {
        joined = member.getPendingRemoval() + (joined.isEmpty() ? "" : "\n" + joined);
      }
      member.setPendingRemoval(joined.isEmpty() ? null : joined);
      members.save(member);
    }
    for (OverlayMember member : snapshot.members().values()) {
      String siteId = member.getSiteId();
      member.setPlannedPrefixes(
          PlannedPorts.encodePrefixes(snapshot.request().sites().get(siteId).lanPrefixes()));
      member.setPlannedWan(
          PlannedPorts.encode(ports(snapshot.links().getOrDefault(siteId, List.of()))));
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
    return new Persisted(plan, touched);
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
    DeviceIntent now =
        intent(
            snapshot,
            snapshot.request().previous(),
            siteId,
            n -> snapshot.tunnels().get(n).getPreSharedKey());
    out.addAll(legacyRemoval(snapshot, siteId, now, now));
    out.addAll(JunosSdwanRenderer.render(now));
    return out;
  }

  /**
   * What a rollout of {@code plan} would load on one site's device: its pending deletes, the plan's
   * deletes and its whole stanza set, with the real keys of the tunnels that have one (a new
   * tunnel's key does not exist yet: {@link JunosSdwanRenderer#HIDDEN_KEY}). For the device's own
   * preview only: never for an answer, a log or a process variable.
   */
  public List<String> previewFor(Snapshot snapshot, Plan plan, String siteId) {
    List<String> out = new ArrayList<>();
    OverlayMember member = snapshot.members().get(siteId);
    if (member != null && member.getPendingRemoval() != null) {
      out.addAll(List.of(member.getPendingRemoval().split("\n")));
    }
    IntFunction<String> keys =
        n -> {
          Tunnel t = snapshot.tunnels().get(n);
          return t == null ? JunosSdwanRenderer.HIDDEN_KEY : t.getPreSharedKey();
        };
    DeviceIntent next = intent(snapshot, plan.tunnels(), siteId, keys);
    DeviceIntent previous = previousIntent(snapshot, siteId, keys);
    out.addAll(JunosSdwanRenderer.removal(previous, next));
    out.addAll(legacyRemoval(snapshot, siteId, previous, next));
    out.addAll(JunosSdwanRenderer.render(next));
    return out;
  }

  /** The commands that take the whole overlay off one site's device (compensation, leave). */
  @Transactional(readOnly = true)
  public List<String> removalFor(String overlayId, String siteId) {
    Snapshot snapshot = snapshot(overlayId);
    DeviceIntent previous = previousIntent(snapshot, siteId, n -> "-");
    List<String> out = new ArrayList<>(JunosSdwanRenderer.removeAll(previous));
    out.addAll(legacyRemoval(snapshot, siteId, previous, previous));
    return out;
  }

  /**
   * What a site's device keeps of the overlay once its removal is committed: the WAN addressing the
   * overlay set (a leave does not take the links down), for its intended part.
   */
  @Transactional(readOnly = true)
  public List<String> keptAfterRemoval(String overlayId, String siteId) {
    Snapshot snapshot = snapshot(overlayId);
    DeviceIntent previous = previousIntent(snapshot, siteId, n -> "-");
    return JunosSdwanRenderer.render(
        new DeviceIntent(
            siteId,
            previous.modelFamily(),
            previous.wanLinks(),
            List.of(),
            previous.profile(),
            List.of(),
            previous.overlayTag(),
            previous.sharedDevice(),
            previous.routedByOthers()));
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
        t.getBAddress(),
        t.getSt0Unit());
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
    t.setSt0Unit(p.unit());
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

  /** The overlay's steering rules in order, each with its SLA profile. */
  @Transactional(readOnly = true)
  public List<DeviceIntent.Steering> steeringOf(String overlayId) {
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
