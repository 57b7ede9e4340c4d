package io.switchboard.workers.firewall;

import static io.switchboard.workers.device.OnFailure.raise;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.JunosFirewallRoutes;
import io.switchboard.camel.junos.MatchPolicyQuery;
import io.switchboard.camel.junos.MatchedPolicy;
import io.switchboard.camel.junos.ZonePairPolicies;
import io.switchboard.inventory.firewall.DeploymentState;
import io.switchboard.inventory.firewall.PolicyDeployment;
import io.switchboard.inventory.firewall.analysis.Flow;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.firewall.FirewallDeploy;
import io.switchboard.workflows.firewall.FirewallDeployVariables;
import io.switchboard.workflows.operation.OperationContract;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of firewall-policy-deploy (docs/firewall.md). Each device's change comes from {@link
 * FirewallDeployments} (the same computation as the preview); devices are reached through the Junos
 * routes, whose failures {@link DeviceDriver} turns into BPMN errors (the device refused) or
 * retried job failures (unreachable, then an incident).
 */
@Component
public class FirewallDeployWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(FirewallDeployWorkers.class);

  /** The policy Junos names when no configured policy matches a flow. */
  static final String DEFAULT_POLICY = "default-policy";

  private final FirewallDeployments deployments;
  private final DeviceDriver driver;
  private final int confirmMinutes;

  public FirewallDeployWorkers(
      FirewallDeployments deployments,
      DeviceDriver driver,
      @Value("${switchboard.firewall.confirm-timeout-minutes:10}") int confirmMinutes) {
    this.deployments = deployments;
    this.driver = driver;
    this.confirmMinutes = confirmMinutes;
  }

  @JobWorker(type = FirewallDeploy.JOB_RENDER)
  public Map<String, Object> render(@VariablesAsType FirewallDeployVariables v) {
    int batchSize = v.batchSize() == null ? FirewallDeploy.DEFAULT_BATCH_SIZE : v.batchSize();
    Map<String, Object> out = new HashMap<>();
    out.put(FirewallDeploy.VAR_BATCHES, deployments.render(v.operationId(), batchSize));
    out.put(FirewallDeploy.VAR_ABORT, false);
    out.put(FirewallDeploy.VAR_WINDOW_CLOSED, false);
    return out;
  }

  /** The window closed before this batch could start: its devices are left as they are. */
  @JobWorker(type = FirewallDeploy.JOB_SKIP_BATCH)
  public Map<String, Object> skipBatch(@VariablesAsType FirewallDeployVariables v) {
    String reason =
        "not started: the maintenance window closed at " + v.windowEnd() + " before its batch";
    for (String id : v.batch()) {
      deployments.finish(id, DeploymentState.SKIPPED, reason);
    }
    return Map.of(FirewallDeploy.VAR_WINDOW_CLOSED, true);
  }

  /**
   * Lock, load, commit check, commit confirmed, unlock (one route, one session). A device already
   * running the version gets nothing loaded; its verification still runs.
   */
  @JobWorker(type = FirewallDeploy.JOB_COMMIT_CONFIRMED)
  public Map<String, Object> commitConfirmed(
      ActivatedJob job, @VariablesAsType FirewallDeployVariables v) {
    FirewallDeployments.DeviceChange change = deployments.forward(v.deploymentId());
    Map<String, Object> out = new HashMap<>();
    if (change.commands().isEmpty()) {
      out.put(FirewallDeploy.VAR_CONFIRM_BY, null);
      return out;
    }
    Instant confirmBy = Instant.now().plus(Duration.ofMinutes(confirmMinutes));
    driver.checkedPush(
        change.row().getDeviceId(),
        String.join("\n", change.commands()),
        CommitConfiguration.confirmed(confirmMinutes, comment(v, change.row())),
        raise(FirewallDeploy.ERROR_DEVICE_REFUSED, job));
    out.put(FirewallDeploy.VAR_CONFIRM_BY, confirmBy.toString());
    return out;
  }

  /**
   * The committed configuration has the version's rules in order, and the device's own policy
   * lookup answers each probe flow with the verdict the version gives it.
   */
  @JobWorker(type = FirewallDeploy.JOB_VERIFY)
  public void verify(ActivatedJob job, @VariablesAsType FirewallDeployVariables v) {
    FirewallDeployments.DeviceChange change = deployments.forward(v.deploymentId());
    String deviceId = change.row().getDeviceId();
    @SuppressWarnings("unchecked")
    List<ZonePairPolicies> committed =
        driver.call(
            JunosFirewallRoutes.GET_SECURITY_POLICIES_URI,
            deviceId,
            null,
            List.class,
            raise(FirewallDeploy.ERROR_VERIFY_FAILED, job));
    Optional<String> problem = RuleOrderCheck.problem(change.enforced(), committed);
    if (problem.isPresent()) {
      throw verifyFailed(problem.get());
    }
    for (PolicyAnalysis.Probe probe : deployments.probes(change.row())) {
      Flow f = probe.flow();
      MatchedPolicy answer =
          driver.call(
              JunosFirewallRoutes.MATCH_POLICIES_URI,
              deviceId,
              new MatchPolicyQuery(
                  f.fromZone(), f.toZone(), f.source(), f.destination(), f.port(), f.protocol()),
              MatchedPolicy.class,
              raise(FirewallDeploy.ERROR_VERIFY_FAILED, job));
      String wantedPolicy =
          probe.expected().rule() == null ? DEFAULT_POLICY : probe.expected().rule();
      String wantedAction = probe.expected().action().name().toLowerCase(Locale.ROOT);
      if (!wantedPolicy.equals(answer.policy()) || !wantedAction.equals(answer.action())) {
        throw verifyFailed(
            "flow "
                + f.fromZone()
                + " -> "
                + f.toZone()
                + " "
                + f.source()
                + " -> "
                + f.destination()
                + " "
                + f.protocol()
                + "/"
                + f.port()
                + " should be decided by "
                + wantedPolicy
                + " ("
                + wantedAction
                + "); the device answers "
                + answer.policy()
                + " ("
                + answer.action()
                + ")");
      }
    }
  }

  /** A plain commit before the confirm timeout makes the change permanent. */
  @JobWorker(type = FirewallDeploy.JOB_CONFIRM)
  public void confirm(ActivatedJob job, @VariablesAsType FirewallDeployVariables v) {
    FirewallDeployments.DeviceChange change = deployments.forward(v.deploymentId());
    if (v.confirmBy() != null) {
      if (!Instant.now().isBefore(Instant.parse(v.confirmBy()))) {
        String reason =
            "not confirmed within "
                + confirmMinutes
                + " minutes: the device rolled the change back by itself";
        throw CamundaError.bpmnError(
            FirewallDeploy.ERROR_CONFIRM_EXPIRED,
            reason,
            Map.of(OperationContract.VAR_FAILURE_REASON, reason));
      }
      driver.commit(
          change.row().getDeviceId(),
          CommitConfiguration.confirm(),
          raise(FirewallDeploy.ERROR_DEVICE_REFUSED, job));
    }
    deployments.finishOnDevice(
        v.deploymentId(),
        DeploymentState.DEPLOYED,
        null,
        change.row().getVersionNumber(),
        job.getProcessInstanceKey());
  }

  /**
   * After a confirmed commit that failed verification or its confirm: rollback 1 and commit, so the
   * device runs what it ran before this deployment. Nothing committed: nothing to undo.
   */
  @JobWorker(type = FirewallDeploy.JOB_ROLL_BACK)
  public void rollBack(ActivatedJob job, @VariablesAsType FirewallDeployVariables v) {
    PolicyDeployment row = deployments.row(v.deploymentId());
    if (v.confirmBy() != null) {
      driver.rollback(
          row.getDeviceId(),
          1,
          "switchboard firewall rollback " + v.operationId(),
          raise(FirewallDeploy.ERROR_DEVICE_REFUSED, job));
    }
    deployments.finish(v.deploymentId(), DeploymentState.ROLLED_BACK, v.failureReason());
    LOG.warn(
        "Firewall deployment {}: device {} rolled back: {}",
        v.operationId(),
        row.getDeviceId(),
        v.failureReason());
  }

  /** The device refused (its candidate discarded) or rolled back by itself: the row says why. */
  @JobWorker(type = FirewallDeploy.JOB_RECORD_FAILURE)
  public void recordFailure(@VariablesAsType FirewallDeployVariables v) {
    deployments.finish(v.deploymentId(), DeploymentState.FAILED, v.failureReason());
    LOG.warn(
        "Firewall deployment {}: device of {} failed: {}",
        v.operationId(),
        v.deploymentId(),
        v.failureReason());
  }

  @JobWorker(type = FirewallDeploy.JOB_CHECK_THRESHOLD)
  public Map<String, Object> checkThreshold(@VariablesAsType FirewallDeployVariables v) {
    int threshold =
        v.failureThresholdPercent() == null
            ? FirewallDeploy.DEFAULT_FAILURE_THRESHOLD
            : v.failureThresholdPercent();
    return Map.of(
        FirewallDeploy.VAR_ABORT, deployments.thresholdPassed(v.operationId(), threshold));
  }

  /**
   * Compensation: every device this deployment changed gets the version it ran before (the
   * incremental change back, committed), or none of the policy when it ran none. Rows already
   * restored are skipped, so a retry after an unreachable device carries on where it stopped.
   */
  @JobWorker(type = FirewallDeploy.JOB_RESTORE_PREVIOUS)
  public Map<String, Object> restorePrevious(
      ActivatedJob job, @VariablesAsType FirewallDeployVariables v) {
    int restored = 0;
    for (PolicyDeployment row : deployments.deployed(v.operationId())) {
      FirewallDeployments.DeviceChange back = deployments.backward(row);
      if (!back.commands().isEmpty()) {
        driver.push(
            row.getDeviceId(),
            String.join("\n", back.commands()),
            CommitConfiguration.commit("switchboard firewall restore " + v.operationId()),
            raise(FirewallDeploy.ERROR_DEVICE_REFUSED, job));
      }
      deployments.finishOnDevice(
          row.getId(),
          DeploymentState.RESTORED,
          row.getPreviousVersion() == null
              ? "policy removed again: the deployment passed its failure threshold"
              : "version "
                  + row.getPreviousVersion()
                  + " restored: the deployment passed its failure threshold",
          row.getPreviousVersion(),
          job.getProcessInstanceKey());
      restored++;
    }
    return Map.of("restoredDevices", restored);
  }

  @JobWorker(type = FirewallDeploy.JOB_COMPLETE)
  public Map<String, Object> complete(@VariablesAsType FirewallDeployVariables v) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("policyId", v.policyId());
    result.put("version", v.version());
    deployments
        .counts(v.operationId())
        .forEach((state, n) -> result.put(state.name().toLowerCase(Locale.ROOT), n));
    String failures = deployments.failures(v.operationId());
    if (!failures.isEmpty()) {
      result.put("failures", failures);
    }
    return Map.of(OperationContract.VAR_RESULT, result);
  }

  @JobWorker(type = FirewallDeploy.JOB_FAIL)
  public Map<String, Object> fail(
      @VariablesAsType FirewallDeployVariables v, @CustomHeaders Map<String, String> headers) {
    String reason = headers.getOrDefault("failure", "FAILED");
    if (FirewallDeploy.FAILURE_WINDOW_CLOSED.equals(reason)) {
      reason +=
          ": "
              + deployments.counts(v.operationId()).getOrDefault(DeploymentState.SKIPPED, 0)
              + " device(s) not started before "
              + v.windowEnd();
    }
    String failures = deployments.failures(v.operationId());
    if (!failures.isEmpty()) {
      reason += ": " + failures;
    }
    if (reason.length() > 2000) {
      reason = reason.substring(0, 2000);
    }
    LOG.warn("Firewall deployment {} fails: {}", v.operationId(), reason);
    return Map.of(
        OperationContract.VAR_OUTCOME,
        OperationContract.OUTCOME_FAILED,
        OperationContract.VAR_FAILURE_REASON,
        reason);
  }

  private static RuntimeException verifyFailed(String reason) {
    return CamundaError.bpmnError(
        FirewallDeploy.ERROR_VERIFY_FAILED,
        reason,
        Map.of(OperationContract.VAR_FAILURE_REASON, reason));
  }

  private static String comment(FirewallDeployVariables v, PolicyDeployment row) {
    return "switchboard firewall "
        + row.getPolicyId()
        + " v"
        + row.getVersionNumber()
        + " "
        + v.operationId();
  }
}
