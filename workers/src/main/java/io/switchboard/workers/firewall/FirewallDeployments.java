package io.switchboard.workers.firewall;

import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.firewall.DeploymentPlanning;
import io.switchboard.inventory.firewall.DeploymentPlanning.OnDevice;
import io.switchboard.inventory.firewall.DeploymentState;
import io.switchboard.inventory.firewall.PolicyDeployment;
import io.switchboard.inventory.firewall.PolicyDeploymentRepository;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory side of a firewall deployment: the rows of an operation (one per device, created
 * PENDING by the API), the change each device gets, their results, and the threshold.
 */
@Service
public class FirewallDeployments {
  /**
   * One device's part: its row and the change that takes it from its version to the next; {@code
   * enforced} is every Switchboard policy the device runs with the target in its place, in device
   * order (what verification expects).
   */
  public record DeviceChange(
      PolicyDeployment row,
      PolicySnapshot target,
      PolicySnapshot previous,
      List<String> commands,
      PolicySnapshot enforced) {}

  private final PolicyDeploymentRepository rows;
  private final DeploymentPlanning planning;
  private final IntendedConfigRecorder intended;

  public FirewallDeployments(
      PolicyDeploymentRepository rows,
      DeploymentPlanning planning,
      IntendedConfigRecorder intended) {
    this.rows = rows;
    this.planning = planning;
    this.intended = intended;
  }

  /**
   * Records, for each device of the operation, the version it runs now (what compensation would
   * restore) and the priority and zones the deployment places the policy by, and answers the rows
   * in batches of {@code batchSize}.
   */
  @Transactional
  public List<List<String>> render(String operationId, int batchSize) {
    List<PolicyDeployment> pending = new ArrayList<>(rows.findByOperationId(operationId));
    pending.sort(
        Comparator.comparing(PolicyDeployment::getSiteId)
            .thenComparing(PolicyDeployment::getDeviceId));
    List<String> ids = new ArrayList<>();
    for (PolicyDeployment row : pending) {
      if (row.getState() != DeploymentState.PENDING) {
        continue;
      }
      planning.prepare(row);
      rows.save(row);
      ids.add(row.getId());
    }
    List<List<String>> batches = new ArrayList<>();
    int size = Math.max(1, batchSize);
    for (int i = 0; i < ids.size(); i += size) {
      batches.add(List.copyOf(ids.subList(i, Math.min(ids.size(), i + size))));
    }
    return batches;
  }

  /** The change that takes the row's device from its previous version to the deployed one. */
  @Transactional(readOnly = true)
  public DeviceChange forward(String deploymentId) {
    PolicyDeployment row = row(deploymentId);
    OnDevice from = planning.before(row);
    OnDevice to = planning.recorded(row);
    PolicySnapshot target = planning.snapshot(row.getPolicyId(), row.getVersionNumber());
    PolicySnapshot previous = planning.snapshot(row.getPolicyId(), row.getPreviousVersion());
    return new DeviceChange(
        row,
        target,
        previous,
        planning.change(row.getPolicyId(), row.getDeviceId(), row.getSiteId(), from, to),
        planning
            .others(planning.neighbours(row.getPolicyId(), row.getDeviceId(), from, to))
            .combined(target));
  }

  /**
   * The flows verification asks the row's device about: those whose verdict the change from its
   * previous version can alter (docs/firewall.md, Verification).
   */
  @Transactional(readOnly = true)
  public List<PolicyAnalysis.Probe> probes(PolicyDeployment row) {
    return planning.verificationProbes(
        row.getPolicyId(), row.getDeviceId(), planning.before(row), planning.recorded(row));
  }

  /** The change back: from the deployed version to the one the device ran before. */
  @Transactional(readOnly = true)
  public DeviceChange backward(PolicyDeployment row) {
    PolicySnapshot target = planning.snapshot(row.getPolicyId(), row.getVersionNumber());
    PolicySnapshot previous = planning.snapshot(row.getPolicyId(), row.getPreviousVersion());
    return new DeviceChange(
        row,
        target,
        previous,
        planning.change(
            row.getPolicyId(),
            row.getDeviceId(),
            row.getSiteId(),
            planning.recorded(row),
            planning.before(row)),
        null);
  }

  @Transactional
  public void finish(String deploymentId, DeploymentState state, String message) {
    PolicyDeployment row = row(deploymentId);
    row.finish(state, message);
    rows.save(row);
  }

  /**
   * The device now runs version {@code version} (null: none of the policy): the row finishes in
   * {@code state}, and the device's intended configuration for the policy is that version as a
   * whole.
   */
  @Transactional
  public void finishOnDevice(
      String deploymentId,
      DeploymentState state,
      String message,
      Integer version,
      Long processInstanceKey) {
    PolicyDeployment row = row(deploymentId);
    row.finish(state, message);
    rows.save(row);
    intended.committed(
        row.getDeviceId(),
        part(row.getPolicyId()),
        String.join("\n", planning.whole(row.getPolicyId(), version, row.getSiteId())),
        row.getOperationId(),
        processInstanceKey);
  }

  /** The rows this operation deployed (what compensation restores), in order. */
  @Transactional(readOnly = true)
  public List<PolicyDeployment> deployed(String operationId) {
    return rows.findByOperationIdAndState(operationId, DeploymentState.DEPLOYED).stream()
        .sorted(Comparator.comparing(PolicyDeployment::getSiteId))
        .toList();
  }

  /** Whether failed devices are more than {@code thresholdPercent} of the operation's devices. */
  @Transactional(readOnly = true)
  public boolean thresholdPassed(String operationId, int thresholdPercent) {
    List<PolicyDeployment> all = rows.findByOperationId(operationId);
    long failed =
        all.stream()
            .filter(
                r ->
                    r.getState() == DeploymentState.FAILED
                        || r.getState() == DeploymentState.ROLLED_BACK)
            .count();
    return !all.isEmpty() && failed * 100.0 / all.size() > thresholdPercent;
  }

  /** How many of the operation's devices ended in each state. */
  @Transactional(readOnly = true)
  public Map<DeploymentState, Integer> counts(String operationId) {
    Map<DeploymentState, Integer> counts = new EnumMap<>(DeploymentState.class);
    for (PolicyDeployment r : rows.findByOperationId(operationId)) {
      counts.merge(r.getState(), 1, Integer::sum);
    }
    return counts;
  }

  /** "device: message" of every device that failed or was rolled back. */
  @Transactional(readOnly = true)
  public String failures(String operationId) {
    List<String> parts = new ArrayList<>();
    for (PolicyDeployment r : rows.findByOperationId(operationId)) {
      if ((r.getState() == DeploymentState.FAILED || r.getState() == DeploymentState.ROLLED_BACK)
          && r.getMessage() != null) {
        parts.add(r.getDeviceId() + ": " + r.getMessage());
      }
    }
    return String.join("; ", parts);
  }

  @Transactional(readOnly = true)
  public PolicyDeployment row(String deploymentId) {
    return rows.findById(deploymentId)
        .orElseThrow(() -> new IllegalStateException("no firewall deployment " + deploymentId));
  }

  /** The intended-configuration part a policy's commits are recorded under. */
  static String part(String policyId) {
    return "firewall-policy-" + policyId;
  }
}
