package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.inventory.firewall.model.OtherPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.ZoneDef;
import io.switchboard.inventory.firewall.render.JunosFirewallRenderer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a device runs of a policy and the change that takes it to another version: the one place the
 * preview and the deployment compute it, so the preview is what the deployment then does. A device
 * runs the version of its newest {@code DEPLOYED} deployment of the policy (none: nothing of it
 * yet), next to the other policies it runs ({@link OtherPolicies}, in device order).
 */
@Service
public class DeploymentPlanning {
  private static final int CACHED = 64;

  /**
   * Probes of a first deployment, where every rule is new: the order check proves every rule is in
   * its place, and a sample over every zone pair and verdict shows the device decides as rendered
   * (docs/firewall.md, Verification); one lookup per rule cost 500 round trips per device.
   */
  public static final int FIRST_DEPLOYMENT_PROBES = 16;

  private final PolicyVersionRepository versions;
  private final PolicyDeploymentRepository deployments;
  private final FirewallPolicyRepository policies;
  private final SiteZones zones;

  /** Versions are immutable, and a fleet deployment reads the same two for every device. */
  private final Map<String, PolicySnapshot> snapshots = lru();

  /**
   * Changes by (policy, from, to, the site's zones, the other policies on the device): identical
   * devices of a fleet get the same commands, rendered once rather than once per device and step.
   */
  private final Map<ChangeKey, List<String>> changes = lru();

  /** Verification probes by (policy, from, to, the other policies on the device). */
  private final Map<ChangeKey, List<PolicyAnalysis.Probe>> probes = lru();

  /** A version of a policy a device runs. */
  public record VersionRef(String policyId, int version) {}

  /**
   * The other policies a device runs, by version, before and after the one being changed (by its
   * priority now), and how many of them came before it until now (by its priority then).
   */
  public record Neighbours(
      List<VersionRef> preceding, List<VersionRef> following, int formerlyPreceding) {
    static final Neighbours NONE = new Neighbours(List.of(), List.of(), 0);
  }

  /**
   * What a device runs of a policy, or is to run: the version (null: none of it), the priority its
   * rules were placed by and the site's zones as rendered then. A null priority or zones (a row
   * deployed before these were kept) is taken as unchanged.
   */
  public record OnDevice(Integer version, Integer priority, List<ZoneDef> zones) {
    public static final OnDevice NOTHING = new OnDevice(null, null, null);
  }

  private record ChangeKey(
      String policyId,
      Integer from,
      Integer to,
      List<ZoneDef> zonesBefore,
      List<ZoneDef> zones,
      Neighbours neighbours) {}

  public DeploymentPlanning(
      PolicyVersionRepository versions,
      PolicyDeploymentRepository deployments,
      FirewallPolicyRepository policies,
      SiteZones zones) {
    this.versions = versions;
    this.deployments = deployments;
    this.policies = policies;
    this.zones = zones;
  }

  private static <K, V> Map<K, V> lru() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > CACHED;
          }
        });
  }

  /** What the device runs of the policy: its newest {@code DEPLOYED} row's, or nothing. */
  @Transactional(readOnly = true)
  public OnDevice running(String policyId, String deviceId) {
    List<PolicyDeployment> last =
        deployments.findByPolicyIdAndDeviceIdAndStateOrderByCreatedAtDesc(
            policyId, deviceId, DeploymentState.DEPLOYED);
    return last.isEmpty() ? OnDevice.NOTHING : recorded(last.get(0));
  }

  /** The version the device runs of the policy, or null. */
  @Transactional(readOnly = true)
  private Integer deployedVersion(String policyId, String deviceId) {
    return running(policyId, deviceId).version();
  }

  /**
   * What the row's device ran before the row's operation: its {@code previous_version}, placed as
   * the newest other {@code DEPLOYED} row of that version left it.
   */
  @Transactional(readOnly = true)
  public OnDevice before(PolicyDeployment row) {
    if (row.getPreviousVersion() == null) {
      return OnDevice.NOTHING;
    }
    for (PolicyDeployment d :
        deployments.findByPolicyIdAndDeviceIdAndStateOrderByCreatedAtDesc(
            row.getPolicyId(), row.getDeviceId(), DeploymentState.DEPLOYED)) {
      boolean sameOperation =
          row.getOperationId() != null && row.getOperationId().equals(d.getOperationId());
      if (!d.getId().equals(row.getId()) && !sameOperation) {
        return d.getVersionNumber() == row.getPreviousVersion()
            ? recorded(d)
            : new OnDevice(row.getPreviousVersion(), null, null);
      }
    }
    return new OnDevice(row.getPreviousVersion(), null, null);
  }

  /** What the row puts (or put) on its device. */
  public OnDevice recorded(PolicyDeployment row) {
    return new OnDevice(
        row.getVersionNumber(), row.getPolicyPriority(), ZonesJson.read(row.getZonesJson()));
  }

  /** Version {@code version} as a deployment would put it on a device of the site now. */
  @Transactional(readOnly = true)
  public OnDevice intended(String policyId, int version, String siteId) {
    return new OnDevice(version, priority(policyId), zones.definitions(siteId));
  }

  /**
   * Fixes what the row's deployment starts from and puts on its device: the version the device runs
   * now (what compensation would restore), the policy's priority and the site's zones now.
   */
  @Transactional
  public void prepare(PolicyDeployment row) {
    row.setPreviousVersion(deployedVersion(row.getPolicyId(), row.getDeviceId()));
    row.setPlacement(
        priority(row.getPolicyId()), ZonesJson.write(zones.definitions(row.getSiteId())));
  }

  /** A published version's snapshot; null for a null number (nothing of the policy). */
  @Transactional(readOnly = true)
  public PolicySnapshot snapshot(String policyId, Integer number) {
    if (number == null) {
      return null;
    }
    String key = policyId + "#" + number;
    PolicySnapshot cached = snapshots.get(key);
    if (cached != null) {
      return cached;
    }
    PolicySnapshot read =
        versions
            .findByPolicyIdAndNumber(policyId, number)
            .map(v -> SnapshotJson.read(v.getSnapshotJson()))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "policy " + policyId + " has no version " + number));
    snapshots.put(key, read);
    return read;
  }

  /**
   * The other Switchboard policies the device runs (the version of each), split around {@code
   * policyId} by priority, then name: by its priority on the device until now ({@code from}) and by
   * the one it goes there with ({@code to}). The others keep the place their own deployments gave
   * them.
   */
  @Transactional(readOnly = true)
  public Neighbours neighbours(String policyId, String deviceId, OnDevice from, OnDevice to) {
    Map<String, PolicyDeployment> running = new LinkedHashMap<>();
    for (PolicyDeployment d :
        deployments.findByDeviceIdAndStateOrderByCreatedAtDesc(
            deviceId, DeploymentState.DEPLOYED)) {
      if (!d.getPolicyId().equals(policyId)) {
        running.putIfAbsent(d.getPolicyId(), d);
      }
    }
    if (running.isEmpty()) {
      return Neighbours.NONE;
    }
    FirewallPolicy own = policies.findById(policyId).orElseThrow();
    int now = priorityNow(from, to, own);
    int before = from.priority() != null ? from.priority() : now;
    List<Placed> others = new ArrayList<>();
    for (FirewallPolicy p : policies.findAllById(running.keySet())) {
      PolicyDeployment d = running.get(p.getId());
      int placed = d.getPolicyPriority() != null ? d.getPolicyPriority() : p.getPriority();
      others.add(new Placed(new VersionRef(p.getId(), d.getVersionNumber()), placed, p.getName()));
    }
    others.sort(Placed.ORDER);
    List<VersionRef> preceding = new ArrayList<>();
    List<VersionRef> following = new ArrayList<>();
    int formerly = 0;
    for (Placed p : others) {
      (Placed.ORDER.compare(p, new Placed(null, now, own.getName())) < 0 ? preceding : following)
          .add(p.ref());
      if (Placed.ORDER.compare(p, new Placed(null, before, own.getName())) < 0) {
        formerly++;
      }
    }
    return new Neighbours(List.copyOf(preceding), List.copyOf(following), formerly);
  }

  /** A policy's place in each zone pair of a device: priority, then name (lower first). */
  private record Placed(VersionRef ref, int priority, String name) {
    static final Comparator<Placed> ORDER =
        Comparator.comparingInt(Placed::priority).thenComparing(Placed::name);
  }

  /** The versions the neighbours name, placed as they are on the device. */
  @Transactional(readOnly = true)
  public OtherPolicies others(Neighbours n) {
    return new OtherPolicies(
        n.preceding().stream().map(r -> snapshot(r.policyId(), r.version())).toList(),
        n.following().stream().map(r -> snapshot(r.policyId(), r.version())).toList(),
        n.formerlyPreceding());
  }

  /**
   * The incremental commands that turn a device of {@code siteId} running {@code from} into one
   * running {@code to} (version null: the policy removed), next to the other policies it runs: rule
   * changes, rules moved when the priority changed, zone interfaces gained and lost; computed once
   * per zone sets and neighbours.
   */
  @Transactional(readOnly = true)
  public List<String> change(
      String policyId, String deviceId, String siteId, OnDevice from, OnDevice to) {
    List<ZoneDef> zonesNow =
        to.zones() != null
            ? to.zones()
            : from.zones() != null ? from.zones() : zones.definitions(siteId);
    List<ZoneDef> zonesBefore = from.zones() != null ? from.zones() : zonesNow;
    Neighbours n = neighbours(policyId, deviceId, from, to);
    return changes.computeIfAbsent(
        new ChangeKey(policyId, from.version(), to.version(), zonesBefore, zonesNow, n),
        k -> {
          PolicySnapshot before = snapshot(policyId, from.version());
          PolicySnapshot after = snapshot(policyId, to.version());
          PolicySnapshot next = after != null ? after : PolicySnapshot.empty(before.policyName());
          return List.copyOf(
              JunosFirewallRenderer.incremental(before, next, zonesBefore, zonesNow, others(n)));
        });
  }

  /**
   * What verification asks a device that went from {@code from} to {@code to}: probes for the rules
   * whose verdict can change ({@link PolicyAnalysis#probes(PolicySnapshot, PolicySnapshot,
   * java.util.Set, OtherPolicies)}), computed once per version pair and neighbours.
   */
  @Transactional(readOnly = true)
  public List<PolicyAnalysis.Probe> verificationProbes(
      String policyId, String deviceId, OnDevice from, OnDevice to) {
    Neighbours n = neighbours(policyId, deviceId, from, to);
    return probes.computeIfAbsent(
        new ChangeKey(policyId, from.version(), to.version(), List.of(), List.of(), n),
        k -> {
          PolicySnapshot before = snapshot(policyId, from.version());
          PolicySnapshot after = snapshot(policyId, to.version());
          OtherPolicies others = others(n);
          List<PolicyAnalysis.Probe> all =
              PolicyAnalysis.probes(
                  before, after, JunosFirewallRenderer.repositioned(before, after, others), others);
          return List.copyOf(
              before == null ? PolicyAnalysis.sample(all, FIRST_DEPLOYMENT_PROBES) : all);
        });
  }

  /**
   * The whole of version {@code number} (null: none) as set commands: what the device is intended
   * to run of it.
   */
  @Transactional(readOnly = true)
  public List<String> whole(String policyId, Integer number, String siteId) {
    if (number == null) {
      return List.of();
    }
    List<ZoneDef> siteZones = zones.definitions(siteId);
    return changes.computeIfAbsent(
        new ChangeKey(policyId, null, number, null, siteZones, null),
        k -> List.copyOf(JunosFirewallRenderer.full(snapshot(policyId, number), siteZones)));
  }

  private int priority(String policyId) {
    return policies.findById(policyId).orElseThrow().getPriority();
  }

  private static int priorityNow(OnDevice from, OnDevice to, FirewallPolicy own) {
    if (to.priority() != null) {
      return to.priority();
    }
    return from.priority() != null ? from.priority() : own.getPriority();
  }
}
