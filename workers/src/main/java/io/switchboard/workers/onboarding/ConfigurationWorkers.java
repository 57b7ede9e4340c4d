package io.switchboard.workers.onboarding;

import static io.switchboard.workers.device.OnFailure.raise;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.InterfaceStatus;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.workers.device.ConfigTemplates;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import io.switchboard.workflows.ztp.ZtpOnboardingVariables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The device steps of onboarding: connect, stage-1 with confirmed commit, confirm, site config,
 * verify. A device that refuses a step raises {@code COMMIT_FAILED} (through {@link DeviceDriver}).
 */
@Component
public class ConfigurationWorkers {
  static final int DEFAULT_CONFIRM_MINUTES = 10;

  /** Interfaces come up a little after a commit: how long before the next look. */
  static final Duration INTERFACES_RETRY_BACK_OFF = Duration.ofSeconds(2);

  private final DeviceDriver driver;
  private final DeviceConfigurations configurations;
  private final IntendedConfigRecorder intended;

  public ConfigurationWorkers(
      DeviceDriver driver, DeviceConfigurations configurations, IntendedConfigRecorder intended) {
    this.driver = driver;
    this.configurations = configurations;
    this.intended = intended;
  }

  /** What this job's commit made the device's intended configuration (issue 16). */
  private void recordIntended(ActivatedJob job, String deviceId, String part, String config) {
    Object operationId = job.getVariablesAsMap().get(OperationContract.VAR_OPERATION_ID);
    intended.committed(
        deviceId,
        part,
        config,
        operationId == null ? null : operationId.toString(),
        job.getProcessInstanceKey());
  }

  /** Opens a session (pinning the host key on first use) and reads what the device runs. */
  @JobWorker(type = ZtpOnboarding.JOB_CONNECT)
  public Map<String, Object> connect(ActivatedJob job, @VariablesAsType ZtpOnboardingVariables v) {
    SoftwareInformation info =
        driver.softwareInformation(v.targetId(), raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job));
    // what the device runs before Switchboard's first commit (factory default and bootstrap) is
    // intended too: otherwise every device would be out of sync by its factory settings
    recordIntended(
        job,
        v.targetId(),
        IntendedConfigRecorder.PART_BASELINE,
        driver.runningConfiguration(v.targetId(), raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job)));
    return Map.of(
        ZtpOnboarding.VAR_SOFTWARE_VERSION,
        info.junosVersion(),
        ZtpOnboarding.VAR_PRODUCT_MODEL,
        info.productModel());
  }

  @JobWorker(type = ZtpOnboarding.JOB_PUSH_STAGE1)
  public void pushStage1(ActivatedJob job, @VariablesAsType ZtpOnboardingVariables v) {
    int minutes = v.confirmTimeout() == null ? DEFAULT_CONFIRM_MINUTES : v.confirmTimeout();
    driver.push(
        v.targetId(),
        configurations.stage1(v.targetId()),
        CommitConfiguration.confirmed(minutes, "switchboard stage-1"),
        raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job));
  }

  /** Confirms only while the device still answers; otherwise it rolls back by itself. */
  @JobWorker(type = ZtpOnboarding.JOB_CONFIRM_COMMIT)
  public void confirm(ActivatedJob job, @VariablesAsType ZtpOnboardingVariables v) {
    driver.softwareInformation(v.targetId(), raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job));
    driver.commit(
        v.targetId(), CommitConfiguration.confirm(), raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job));
    // confirmed: stage-1 stays on the device
    recordIntended(
        job,
        v.targetId(),
        IntendedConfigRecorder.PART_ZTP_STAGE1,
        configurations.stage1(v.targetId()));
  }

  /** After a failed commit: the candidate goes back to what runs (rollback 0). */
  @JobWorker(type = ZtpOnboarding.JOB_ROLLBACK_CONFIG)
  public void rollback(ActivatedJob job, @VariablesAsType ZtpOnboardingVariables v) {
    driver.rollback(
        v.targetId(),
        0,
        "switchboard: back to the running configuration",
        raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job));
  }

  @JobWorker(type = ZtpOnboarding.JOB_APPLY_SITE_CONFIG)
  public Map<String, Object> applySiteConfig(
      ActivatedJob job, @VariablesAsType ZtpOnboardingVariables v) {
    String config = configurations.site(v.targetId());
    driver.push(
        v.targetId(),
        config,
        CommitConfiguration.commit("switchboard site configuration"),
        raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job));
    recordIntended(job, v.targetId(), IntendedConfigRecorder.PART_SITE, config);
    return Map.of(
        ZtpOnboarding.VAR_EXPECTED_INTERFACES, List.copyOf(ConfigTemplates.interfacesIn(config)));
  }

  @JobWorker(type = ZtpOnboarding.JOB_VERIFY_INTERFACES)
  public void verifyInterfaces(ActivatedJob job, @VariablesAsType ZtpOnboardingVariables v) {
    List<InterfaceStatus> interfaces =
        driver.interfaces(v.targetId(), raise(ZtpOnboarding.ERROR_COMMIT_FAILED, job));
    List<String> down = notUp(v.expectedInterfaces(), interfaces);
    if (!down.isEmpty()) {
      // retried rather than failed at once; the retries running out is an incident
      throw CamundaError.jobError(
          "interfaces not up yet: " + down,
          Map.of(),
          Math.max(0, job.getRetries() - 1),
          INTERFACES_RETRY_BACK_OFF);
    }
  }

  /** The expected interfaces that are not up, in the order expected. */
  static List<String> notUp(List<String> expected, List<InterfaceStatus> interfaces) {
    Set<String> up =
        interfaces.stream()
            .filter(InterfaceStatus::isUp)
            .map(InterfaceStatus::name)
            .collect(Collectors.toSet());
    return expected == null ? List.of() : expected.stream().filter(n -> !up.contains(n)).toList();
  }
}
