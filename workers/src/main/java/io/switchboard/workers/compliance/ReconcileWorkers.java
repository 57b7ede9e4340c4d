package io.switchboard.workers.compliance;

import static io.switchboard.workers.device.OnFailure.raise;
import static io.switchboard.workers.device.OnFailure.raiseUnreachable;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.inventory.compliance.ConfigComparator;
import io.switchboard.inventory.compliance.ConfigDrift;
import io.switchboard.inventory.compliance.IntendedConfig;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.compliance.ComplianceVariables;
import io.switchboard.workflows.compliance.ConfigCompliance;
import io.switchboard.workflows.operation.OperationContract;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code config-reconcile}. REVERT pushes the incremental change back to the intended
 * configuration with a confirmed commit, verifies, and confirms (or rolls back); ADOPT records what
 * the device runs beyond or below the intent as the part {@value #PART_ADOPTED}.
 */
@Component
public class ReconcileWorkers {
  /** The intended part that ADOPT writes. */
  public static final String PART_ADOPTED = "adopted";

  static final int DEFAULT_CONFIRM_MINUTES = 10;

  /** Whether the revert committed anything (nothing to confirm or roll back otherwise). */
  static final String VAR_REVERT_PUSHED = "revertPushed";

  private final DeviceDriver driver;
  private final IntendedConfigRecorder intended;
  private final ComplianceChecks checks;

  public ReconcileWorkers(
      DeviceDriver driver, IntendedConfigRecorder intended, ComplianceChecks checks) {
    this.driver = driver;
    this.intended = intended;
    this.checks = checks;
  }

  /**
   * Lock, load the revert, commit confirmed, unlock. The commit validates the candidate as a {@code
   * commit check} would and commits nothing when it fails, so no separate check is sent.
   */
  @JobWorker(type = ConfigCompliance.JOB_PUSH_INTENDED)
  public Map<String, Object> pushIntended(
      ActivatedJob job, @VariablesAsType ComplianceVariables v) {
    String running =
        driver.runningConfiguration(v.deviceId(), raise(ConfigCompliance.ERROR_COMMIT_FAILED, job));
    List<String> commands =
        ConfigComparator.revertCommands(intended.inWriteOrder(v.deviceId()), running);
    if (commands.isEmpty()) {
      return Map.of(VAR_REVERT_PUSHED, false);
    }
    int minutes = v.confirmTimeout() == null ? DEFAULT_CONFIRM_MINUTES : v.confirmTimeout();
    driver.push(
        v.deviceId(),
        String.join("\n", commands),
        CommitConfiguration.confirmed(
            minutes, "switchboard revert (operation " + v.operationId() + ")"),
        raise(ConfigCompliance.ERROR_COMMIT_FAILED, job));
    return Map.of(VAR_REVERT_PUSHED, true);
  }

  @JobWorker(type = ConfigCompliance.JOB_VERIFY_INTENDED)
  public void verifyIntended(ActivatedJob job, @VariablesAsType ComplianceVariables v) {
    ConfigDrift drift = checks.drift(v.deviceId(), raise(ConfigCompliance.ERROR_NOT_IN_SYNC, job));
    if (!drift.inSync()) {
      String reason =
          "the device still differs from the intended configuration after the revert in "
              + String.join(", ", drift.driftedFeatures());
      throw CamundaError.bpmnError(
          ConfigCompliance.ERROR_NOT_IN_SYNC,
          reason,
          Map.of(OperationContract.VAR_FAILURE_REASON, reason));
    }
  }

  /** Confirms only while the device still answers; otherwise it rolls back by itself. */
  @JobWorker(type = ConfigCompliance.JOB_CONFIRM_REVERT)
  public void confirmRevert(ActivatedJob job) {
    if (!pushed(job)) {
      return;
    }
    String deviceId = deviceId(job);
    driver.softwareInformation(deviceId, raise(ConfigCompliance.ERROR_COMMIT_FAILED, job));
    driver.commit(
        deviceId, CommitConfiguration.confirm(), raise(ConfigCompliance.ERROR_COMMIT_FAILED, job));
  }

  @JobWorker(type = ConfigCompliance.JOB_ROLLBACK_REVERT)
  public void rollbackRevert(ActivatedJob job) {
    if (!pushed(job)) {
      return;
    }
    driver.rollback(
        deviceId(job),
        1,
        "switchboard: revert not verified, back to the configuration before it",
        raise(ConfigCompliance.ERROR_COMMIT_FAILED, job));
  }

  @JobWorker(type = ConfigCompliance.JOB_ADOPT)
  public void adopt(ActivatedJob job, @VariablesAsType ComplianceVariables v) {
    String running =
        driver.runningConfiguration(
            v.deviceId(),
            raiseUnreachable(
                ConfigCompliance.ERROR_DEVICE_UNREACHABLE,
                ConfigCompliance.ERROR_DEVICE_UNREACHABLE,
                OperationContract.VAR_FAILURE_REASON,
                job));
    List<IntendedConfig> others =
        intended.inWriteOrder(v.deviceId()).stream()
            .filter(part -> !part.getPart().equals(PART_ADOPTED))
            .toList();
    intended.committed(
        v.deviceId(),
        PART_ADOPTED,
        String.join("\n", ConfigComparator.adoptLines(others, running)),
        v.operationId(),
        job.getProcessInstanceKey());
  }

  private static boolean pushed(ActivatedJob job) {
    return Boolean.TRUE.equals(job.getVariablesAsMap().get(VAR_REVERT_PUSHED));
  }

  private static String deviceId(ActivatedJob job) {
    return (String) job.getVariablesAsMap().get(ConfigCompliance.VAR_DEVICE_ID);
  }
}
