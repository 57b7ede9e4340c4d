package io.switchboard.api.firewall;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.firewall.FirewallPolicy;
import io.switchboard.inventory.firewall.PolicyDeployment;
import io.switchboard.inventory.firewall.PolicyDeploymentRepository;
import io.switchboard.inventory.firewall.PolicyVersion;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.workflows.firewall.FirewallDeploy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the deployment of a published version to the devices of some of the policy's sites: one
 * PENDING row per device and the operation, in one transaction; the process starts after the commit
 * (the operation outbox).
 */
@Service
public class FirewallDeploymentService {
  /** When the devices may be changed; the start waits for {@code start}. */
  public record Window(Instant start, Instant end) {}

  /** The body of {@code POST /firewall-policies/{id}/deployments}; every field optional. */
  public record DeploymentRequest(
      @Min(1) Integer version,
      @Size(max = 5000) List<@NotBlank @Size(max = 36) String> siteIds,
      @Valid Window window,
      @Min(1) @Max(1000) Integer batchSize,
      @Min(0) @Max(100) Integer failureThresholdPercent) {}

  /** The operation started and the rows it will fill in. */
  public record Started(Operation operation, List<PolicyDeployment> deployments) {}

  private final FirewallPolicyService policies;
  private final PolicyDeploymentRepository deployments;
  private final DeviceRepository devices;
  private final OperationStarter starter;

  public FirewallDeploymentService(
      FirewallPolicyService policies,
      PolicyDeploymentRepository deployments,
      DeviceRepository devices,
      OperationStarter starter) {
    this.policies = policies;
    this.deployments = deployments;
    this.devices = devices;
    this.starter = starter;
  }

  @Transactional
  public Started deploy(AccessScope scope, String policyId, DeploymentRequest request) {
    Permissions.require(scope, Action.RUN, Resource.FIREWALL);
    FirewallPolicy policy = policies.find(scope, policyId);
    DeploymentRequest r =
        request == null ? new DeploymentRequest(null, null, null, null, null) : request;
    PolicyVersion version = policies.version(policy, r.version());
    requireWindow(r.window());
    Map<String, List<Device>> bySite = devicesOf(policy, r.siteIds());
    policies.refuseCollisions(policy, version, List.copyOf(bySite.keySet()), r.siteIds() != null);
    List<String> deviceIds =
        bySite.values().stream().flatMap(List::stream).map(Device::getId).toList();

    Map<String, Object> variables = new HashMap<>();
    variables.put(FirewallDeploy.VAR_POLICY_ID, policy.getId());
    variables.put(FirewallDeploy.VAR_VERSION, version.getNumber());
    variables.put(
        FirewallDeploy.VAR_BATCH_SIZE,
        r.batchSize() == null ? FirewallDeploy.DEFAULT_BATCH_SIZE : r.batchSize());
    variables.put(
        FirewallDeploy.VAR_FAILURE_THRESHOLD,
        r.failureThresholdPercent() == null
            ? FirewallDeploy.DEFAULT_FAILURE_THRESHOLD
            : r.failureThresholdPercent());
    if (r.window() != null && r.window().start() != null) {
      variables.put(FirewallDeploy.VAR_WINDOW_START, r.window().start().toString());
    }
    if (r.window() != null && r.window().end() != null) {
      variables.put(FirewallDeploy.VAR_WINDOW_END, r.window().end().toString());
    }
    Operation operation =
        starter.record(
            new Operation(
                policy.getTenantId(),
                FirewallDeploy.PROCESS_ID,
                Operation.TARGET_FIREWALL_POLICY,
                policy.getId(),
                scope.username()),
            variables,
            // claimed until the deployment ends: no campaign or other operation meanwhile
            deviceIds);
    List<PolicyDeployment> rows = new ArrayList<>();
    for (Map.Entry<String, List<Device>> site : bySite.entrySet()) {
      for (Device d : site.getValue()) {
        PolicyDeployment row =
            new PolicyDeployment(
                policy.getTenantId(),
                policy.getId(),
                version.getNumber(),
                site.getKey(),
                d.getId(),
                scope.username());
        row.setOperationId(operation.getId());
        rows.add(deployments.save(row));
      }
    }
    return new Started(operation, rows);
  }

  private static void requireWindow(Window window) {
    if (window == null) {
      return;
    }
    if (window.start() != null && window.end() != null && !window.end().isAfter(window.start())) {
      throw ApiException.invalid("window.end", "must be after window.start");
    }
    if (window.end() != null && !window.end().isAfter(Instant.now())) {
      throw ApiException.invalid("window.end", "lies in the past: the window has closed");
    }
  }

  /** The requested sites (default: all of the policy's) and their devices; 422 naming the entry. */
  private Map<String, List<Device>> devicesOf(FirewallPolicy policy, List<String> siteIds) {
    List<String> sites =
        siteIds == null ? policy.getSiteIds().stream().sorted().toList() : List.copyOf(siteIds);
    if (sites.isEmpty()) {
      throw ApiException.unprocessable("siteIds", "the deployment names no site");
    }
    Set<String> seen = new LinkedHashSet<>();
    Map<String, List<Device>> bySite = new java.util.LinkedHashMap<>();
    for (int i = 0; i < sites.size(); i++) {
      String site = sites.get(i);
      String field = siteIds == null ? "siteIds" : "siteIds[" + i + "]";
      if (!policy.getSiteIds().contains(site)) {
        throw ApiException.unprocessable(
            field, "site '" + site + "' is not assigned to the policy");
      }
      if (!seen.add(site)) {
        throw ApiException.invalid(field, "site '" + site + "' is named twice");
      }
      List<Device> atSite = devices.findAll((root, q, cb) -> cb.equal(root.get("siteId"), site));
      if (atSite.isEmpty()) {
        throw ApiException.unprocessable(field, "site '" + site + "' has no device");
      }
      bySite.put(site, atSite);
    }
    return bySite;
  }
}
