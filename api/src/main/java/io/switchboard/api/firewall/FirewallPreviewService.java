package io.switchboard.api.firewall;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.ConfigurationPreviews;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRefusedException;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.firewall.DeploymentPlanning;
import io.switchboard.inventory.firewall.FirewallPolicy;
import io.switchboard.inventory.firewall.PolicyVersion;
import io.switchboard.inventory.firewall.SnapshotJson;
import io.switchboard.inventory.firewall.analysis.Finding;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.inventory.firewall.analysis.VerdictChange;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.scope.AccessScope;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The preview of deploying a version: per device of the policy's sites, the incremental commands
 * from what the device runs (its last successful deployment of the policy) and the change exactly
 * as the device reports it, plus the analysis. Devices are left with a clean candidate.
 */
@Service
public class FirewallPreviewService {
  /** One device's part of a preview; {@code error} is the device's own message when it refused. */
  public record DevicePreview(
      String deviceId,
      String siteId,
      Integer deployedVersion,
      List<String> commands,
      String compare,
      String error) {}

  /** The whole preview. */
  public record Preview(
      int version,
      List<Finding> findings,
      List<VerdictChange> verdictChanges,
      List<DevicePreview> devices) {}

  /** What a device runs and what it should run. */
  public record DevicePlan(
      Device device, Integer deployedVersion, PolicySnapshot deployed, List<String> commands) {}

  private final FirewallPolicyService policies;
  private final DeploymentPlanning planning;
  private final DeviceRepository devices;
  private final ObjectProvider<ConfigurationPreviews> access;

  public FirewallPreviewService(
      FirewallPolicyService policies,
      DeploymentPlanning planning,
      DeviceRepository devices,
      ObjectProvider<ConfigurationPreviews> access) {
    this.policies = policies;
    this.planning = planning;
    this.devices = devices;
    this.access = access;
  }

  /** Not transactional: device calls must not hold a database connection. */
  public Preview preview(AccessScope scope, String policyId, Integer version, String siteId) {
    Permissions.require(scope, Action.RUN, Resource.FIREWALL);
    Plan plan = plan(scope, policyId, version, siteId);
    ConfigurationPreviews device = access.getIfAvailable();
    if (device == null) {
      throw new ApiException(
          org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
          null,
          "no device access in this deployment");
    }
    List<DevicePreview> out = new ArrayList<>();
    for (DevicePlan p : plan.devices()) {
      String compare = null;
      String error = null;
      if (!p.commands().isEmpty()) {
        try {
          compare = device.preview(p.device().getId(), String.join("\n", p.commands()));
        } catch (DeviceRefusedException e) {
          error = e.getMessage();
        }
      } else {
        compare = "";
      }
      out.add(
          new DevicePreview(
              p.device().getId(),
              p.device().getSiteId(),
              p.deployedVersion(),
              p.commands(),
              compare,
              error));
    }
    PolicySnapshot baseline =
        plan.devices().stream()
            .map(DevicePlan::deployed)
            .filter(s -> s != null)
            .findFirst()
            .orElse(null);
    return new Preview(
        plan.version().getNumber(),
        PolicyAnalysis.findings(plan.target()),
        PolicyAnalysis.verdictChanges(baseline, plan.target()),
        out);
  }

  /** A version and, per device, what would be loaded. */
  public record Plan(PolicyVersion version, PolicySnapshot target, List<DevicePlan> devices) {}

  @Transactional(readOnly = true)
  public Plan plan(AccessScope scope, String policyId, Integer version, String siteId) {
    FirewallPolicy policy = policies.find(scope, policyId);
    PolicyVersion v = policies.version(policy, version);
    PolicySnapshot target = SnapshotJson.read(v.getSnapshotJson());
    List<String> sites = new ArrayList<>(policy.getSiteIds().stream().sorted().toList());
    if (siteId != null) {
      if (!sites.contains(siteId)) {
        throw ApiException.unprocessable(
            "siteId", "site '" + siteId + "' is not assigned to the policy");
      }
      sites = List.of(siteId);
    }
    List<DevicePlan> plans = new ArrayList<>();
    for (String site : sites) {
      for (Device d : devices.findAll((r, q, cb) -> cb.equal(r.get("siteId"), site))) {
        DeploymentPlanning.OnDevice running = planning.running(policyId, d.getId());
        PolicySnapshot deployed = planning.snapshot(policyId, running.version());
        plans.add(
            new DevicePlan(
                d,
                running.version(),
                deployed,
                planning.change(
                    policyId,
                    d.getId(),
                    site,
                    running,
                    planning.intended(policyId, v.getNumber(), site))));
      }
    }
    return new Plan(v, target, plans);
  }
}
