package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.inventory.firewall.model.OtherPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.ZoneDef;
import io.switchboard.inventory.firewall.render.JunosFirewallRenderer;
import java.util.ArrayList;
import java.util.Collections;
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

  /** The other policies a device runs, by version, before and after the one being changed. */
  public record Neighbours(List<VersionRef> preceding, List<VersionRef> following) {
    static final Neighbours NONE = new Neighbours(List.of(), List.of());
  }

  private record ChangeKey(
      String policyId, Integer from, Integer to, List<ZoneDef> zones, Neighbours neighbours) {}

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

  /** The version the device runs of the policy, or null. */
  @Transactional(readOnly = true)
  public Integer deployedVersion(String policyId, String deviceId) {
    List<PolicyDeployment> last =
        deployments.findByPolicyIdAndDeviceIdAndStateOrderByCreatedAtDesc(
            policyId, deviceId, DeploymentState.DEPLOYED);
    return last.isEmpty() ? null : last.get(0).getVersionNumber();
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
   * policyId} by priority, then name.
   */
  @Transactional(readOnly = true)
  public Neighbours neighbours(String policyId, String deviceId) {
    Map<String, Integer> running = new LinkedHashMap<>();
    for (PolicyDeployment d :
        deployments.findByDeviceIdAndStateOrderByCreatedAtDesc(
            deviceId, DeploymentState.DEPLOYED)) {
      if (!d.getPolicyId().equals(policyId)) {
        running.putIfAbsent(d.getPolicyId(), d.getVersionNumber());
      }
    }
    if (running.isEmpty()) {
      return Neighbours.NONE;
    }
    FirewallPolicy own = policies.findById(policyId).orElseThrow();
    List<FirewallPolicy> others = new ArrayList<>(policies.findAllById(running.keySet()));
    others.sort(FirewallPolicy.DEVICE_ORDER);
    List<VersionRef> preceding = new ArrayList<>();
    List<VersionRef> following = new ArrayList<>();
    for (FirewallPolicy p : others) {
      VersionRef ref = new VersionRef(p.getId(), running.get(p.getId()));
      (FirewallPolicy.DEVICE_ORDER.compare(p, own) < 0 ? preceding : following).add(ref);
    }
    return new Neighbours(List.copyOf(preceding), List.copyOf(following));
  }

  /** The versions the neighbours name. */
  @Transactional(readOnly = true)
  public OtherPolicies others(Neighbours n) {
    return new OtherPolicies(
        n.preceding().stream().map(r -> snapshot(r.policyId(), r.version())).toList(),
        n.following().stream().map(r -> snapshot(r.policyId(), r.version())).toList());
  }

  /**
   * The incremental commands that turn a device of {@code siteId} running version {@code from}
   * (null: nothing of the policy) into one running {@code to} (null: the policy removed), next to
   * the other policies it runs; computed once per zone set and neighbours.
   */
  @Transactional(readOnly = true)
  public List<String> change(
      String policyId, String deviceId, Integer from, Integer to, String siteId) {
    List<ZoneDef> siteZones = zones.definitions(siteId);
    Neighbours n = neighbours(policyId, deviceId);
    return changes.computeIfAbsent(
        new ChangeKey(policyId, from, to, siteZones, n),
        k -> {
          PolicySnapshot before = snapshot(policyId, from);
          PolicySnapshot after = snapshot(policyId, to);
          PolicySnapshot next = after != null ? after : PolicySnapshot.empty(before.policyName());
          return List.copyOf(JunosFirewallRenderer.incremental(before, next, siteZones, others(n)));
        });
  }

  /**
   * What verification asks a device that went from version {@code from} (null: none) to {@code to}:
   * probes for the rules whose verdict can change ({@link PolicyAnalysis#probes(PolicySnapshot,
   * PolicySnapshot, java.util.Set, OtherPolicies)}), computed once per version pair and neighbours.
   */
  @Transactional(readOnly = true)
  public List<PolicyAnalysis.Probe> verificationProbes(
      String policyId, String deviceId, Integer from, int to) {
    Neighbours n = neighbours(policyId, deviceId);
    return probes.computeIfAbsent(
        new ChangeKey(policyId, from, to, List.of(), n),
        k -> {
          PolicySnapshot before = snapshot(policyId, from);
          PolicySnapshot after = snapshot(policyId, to);
          OtherPolicies others = others(n);
          return List.copyOf(
              PolicyAnalysis.probes(
                  before,
                  after,
                  JunosFirewallRenderer.repositioned(before, after, others),
                  others));
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
        new ChangeKey(policyId, null, number, siteZones, null),
        k -> List.copyOf(JunosFirewallRenderer.full(snapshot(policyId, number), siteZones)));
  }
}
