package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.ZoneDef;
import io.switchboard.inventory.firewall.render.JunosFirewallRenderer;
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
 * yet).
 */
@Service
public class DeploymentPlanning {
  private static final int CACHED_SNAPSHOTS = 64;

  private final PolicyVersionRepository versions;
  private final PolicyDeploymentRepository deployments;
  private final SecurityZoneRepository zones;

  /** Versions are immutable, and a fleet deployment reads the same two for every device. */
  private final Map<String, PolicySnapshot> snapshots =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PolicySnapshot> eldest) {
              return size() > CACHED_SNAPSHOTS;
            }
          });

  public DeploymentPlanning(
      PolicyVersionRepository versions,
      PolicyDeploymentRepository deployments,
      SecurityZoneRepository zones) {
    this.versions = versions;
    this.deployments = deployments;
    this.zones = zones;
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
   * The incremental commands that turn a device of {@code siteId} running {@code from} (null:
   * nothing of the policy) into one running {@code to} (null: the policy removed).
   */
  @Transactional(readOnly = true)
  public List<String> change(PolicySnapshot from, PolicySnapshot to, String siteId) {
    PolicySnapshot next = to != null ? to : PolicySnapshot.empty(from.policyName());
    return JunosFirewallRenderer.incremental(from, next, siteZones(siteId));
  }

  /** The whole of {@code version} as set commands: what the device is intended to run of it. */
  @Transactional(readOnly = true)
  public List<String> whole(PolicySnapshot version, String siteId) {
    return version == null ? List.of() : JunosFirewallRenderer.full(version, siteZones(siteId));
  }

  private List<ZoneDef> siteZones(String siteId) {
    return zones.findBySiteIdOrderByName(siteId).stream().map(SecurityZone::definition).toList();
  }
}
