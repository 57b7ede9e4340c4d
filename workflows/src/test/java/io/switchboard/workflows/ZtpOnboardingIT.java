package io.switchboard.workflows;

import static io.switchboard.workflows.ztp.ZtpOnboarding.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.sdwan.SdwanProcesses;
import io.switchboard.workflows.sdwan.SdwanRollout;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every path of ztp-onboarding.bpmn. */
class ZtpOnboardingIT extends ProcessPathIT {

  private long startOnboarding(String targetVersion) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_SERIAL, serial);
    variables.put(VAR_TARGET_VERSION, targetVersion);
    variables.put(VAR_ACTIVATION_TIMEOUT, "PT1M");
    long pi = start(PROCESS_ID, variables).getProcessInstanceKey();
    complete(JOB_MARK_ONBOARDING, pi);
    return pi;
  }

  private void phoneHome(long pi, String version) {
    publish(
        MESSAGE_PHONE_HOME,
        Map.of(VAR_SOFTWARE_VERSION, version, "managementAddress", "127.0.0.1"));
    complete(JOB_VALIDATE_DEVICE, pi);
    complete(JOB_CONNECT, pi);
    complete(JOB_PUSH_STAGE1, pi);
    complete(JOB_CONFIRM_COMMIT, pi);
  }

  private void finishOnboarding(long pi) {
    complete(JOB_APPLY_SITE_CONFIG, pi);
    complete(JOB_VERIFY_INTERFACES, pi);
    complete(JOB_MARK_ACTIVE, pi);
  }

  @Test
  void happyPathWithoutUpgrade() {
    long pi = startOnboarding("23.4R1");
    phoneHome(pi, "23.4R1");
    noJob(DeviceUpgrade.JOB_PRECHECK, pi);
    finishOnboarding(pi);
    noJob(JOB_FAIL_OPERATION, pi);
  }

  @Test
  void upgradeNeededRunsTheUpgradeProcessFirst() {
    long pi = startOnboarding("23.4R1");
    phoneHome(pi, "22.1R3");

    ActivatedJob precheck = job(DeviceUpgrade.JOB_PRECHECK, pi);
    assertThat(precheck.getBpmnProcessId()).isEqualTo(DeviceUpgrade.PROCESS_ID);
    client.newCompleteCommand(precheck).send().join();
    complete(DeviceUpgrade.JOB_VERIFY_SIGNATURE, pi);
    complete(DeviceUpgrade.JOB_INSTALL_PACKAGE, pi);
    complete(DeviceUpgrade.JOB_REBOOT, pi);
    publish(DeviceUpgrade.MESSAGE_BACK_ONLINE, Map.of(VAR_SOFTWARE_VERSION, "23.4R1"));
    complete(DeviceUpgrade.JOB_POSTCHECK, pi);

    ActivatedJob apply = job(JOB_APPLY_SITE_CONFIG, pi);
    assertThat(apply.getVariablesAsMap())
        .containsEntry("upgradeResult", "UPGRADED")
        .containsEntry(VAR_SOFTWARE_VERSION, "23.4R1");
    client.newCompleteCommand(apply).send().join();
    complete(JOB_VERIFY_INTERFACES, pi);
    complete(JOB_MARK_ACTIVE, pi);
  }

  /** Waits until the instance has ended and returns its state. */
  private String endState(long pi) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .filter(f -> f.processInstanceKey(pi))
                    .send()
                    .join()
                    .items()
                    .get(0)
                    .getState()
                    .name(),
            state -> !state.equals("ACTIVE"));
  }

  @Test
  void anOnboardedSiteEndsByJoiningItsOverlaysEachThroughTheJoinProcess() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath(SdwanRollout.JOIN_RESOURCE)
        .send()
        .join();
    long pi = startOnboarding("23.4R1");
    phoneHome(pi, "23.4R1");
    finishOnboarding(pi);
    complete(
        SdwanRollout.JOB_OVERLAYS_TO_JOIN,
        pi,
        Map.of(SdwanRollout.VAR_OVERLAY_IDS_TO_JOIN, List.of("ov-1", "ov-2"), "siteId", "site-9"));

    // one join after the other; the first one fails (only the member), the second succeeds
    ActivatedJob plan = job(SdwanRollout.JOB_PLAN, pi);
    assertThat(plan.getBpmnProcessId()).isEqualTo(SdwanProcesses.SITE_JOIN);
    assertThat(plan.getVariablesAsMap())
        .containsEntry("overlayId", "ov-1")
        .containsEntry("siteId", "site-9")
        .containsEntry(OperationContract.VAR_OPERATION_ID, operationId + ":join:ov-1");
    client
        .newThrowErrorCommand(plan)
        .errorCode(SdwanRollout.ERROR_PLAN_FAILED)
        .errorMessage("no common label")
        .send()
        .join();
    complete(
        SdwanRollout.JOB_FAIL_MEMBER,
        pi,
        Map.of(OperationContract.VAR_OUTCOME, OperationContract.OUTCOME_FAILED));

    ActivatedJob second = job(SdwanRollout.JOB_PLAN, pi);
    assertThat(second.getVariablesAsMap()).containsEntry("overlayId", "ov-2");
    client
        .newCompleteCommand(second)
        .variables(
            Map.of(
                SdwanRollout.VAR_HUB_SITE_IDS,
                List.of(),
                SdwanRollout.VAR_SPOKE_BATCHES,
                List.of()))
        .send()
        .join();
    complete(SdwanRollout.JOB_VERIFY_TUNNELS, pi);
    complete(SdwanRollout.JOB_CONFIRM_SITES, pi);
    complete(SdwanRollout.JOB_ACTIVATE, pi);

    // a failed join does not fail the onboarding: its outcome stays in the join
    assertThat(endState(pi)).isEqualTo("COMPLETED");
    noJob(JOB_FAIL_OPERATION, pi);
  }

  @Test
  void anOnboardedSiteWithNoOverlayToJoinIsDone() {
    long pi = startOnboarding("23.4R1");
    phoneHome(pi, "23.4R1");
    finishOnboarding(pi);
    complete(
        SdwanRollout.JOB_OVERLAYS_TO_JOIN,
        pi,
        Map.of(SdwanRollout.VAR_OVERLAY_IDS_TO_JOIN, List.of()));
    assertThat(endState(pi)).isEqualTo("COMPLETED");
    noJob(SdwanRollout.JOB_PLAN, pi);
  }

  @Test
  void wrongModelIsRejected() {
    long pi = startOnboarding("23.4R1");
    publish(MESSAGE_PHONE_HOME, Map.of(VAR_SOFTWARE_VERSION, "23.4R1", "reportedModel", "MX960"));
    throwError(
        JOB_VALIDATE_DEVICE,
        pi,
        ERROR_DEVICE_REJECTED,
        "device reports model MX960, registered as SRX300");
    ActivatedJob fail = job(JOB_FAIL_OPERATION, pi);
    assertThat(fail.getCustomHeaders()).containsEntry("failure", "DEVICE_REJECTED");
    noJob(JOB_CONNECT, pi);
  }

  @Test
  void aPhoneHomeForAnotherOperationNeverReachesTheProcess() {
    long pi = startOnboarding("23.4R1");
    client
        .newPublishMessageCommand()
        .messageName(MESSAGE_PHONE_HOME)
        .correlationKey(UUID.randomUUID().toString())
        .send()
        .join();
    noJob(JOB_VALIDATE_DEVICE, pi);
  }

  @Test
  void anErrorNoStepCatchesFailsTheOperationInsteadOfRaisingAnIncident() {
    long pi = start(PROCESS_ID, Map.of(VAR_SERIAL, serial)).getProcessInstanceKey();
    throwError(JOB_MARK_ONBOARDING, pi, ERROR_DEVICE_REJECTED, "device is not in the inventory");

    ActivatedJob fail = job(JOB_FAIL_OPERATION, pi);
    assertThat(fail.getElementId()).isEqualTo("failStep");
    assertThat(fail.getCustomHeaders()).containsEntry("failure", "STEP_FAILED");
    client
        .newCompleteCommand(fail)
        .variables(Map.of(OperationContract.VAR_OUTCOME, OperationContract.OUTCOME_FAILED))
        .send()
        .join();
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(pi))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void activationExpires() {
    Map<String, Object> variables = Map.of(VAR_SERIAL, serial, VAR_ACTIVATION_TIMEOUT, "PT0.5S");
    long pi = start(PROCESS_ID, variables).getProcessInstanceKey();
    complete(JOB_MARK_ONBOARDING, pi);
    ActivatedJob fail = job(JOB_FAIL_OPERATION, pi);
    assertThat(fail.getCustomHeaders()).containsEntry("failure", "ACTIVATION_EXPIRED");
    assertThat(fail.getElementId()).isEqualTo("failExpired");
  }

  @Test
  void commitFailureRollsBackAndFailsWithTheDevicesMessage() {
    long pi = startOnboarding("23.4R1");
    publish(MESSAGE_PHONE_HOME, Map.of(VAR_SOFTWARE_VERSION, "23.4R1"));
    complete(JOB_VALIDATE_DEVICE, pi);
    complete(JOB_CONNECT, pi);
    client
        .newThrowErrorCommand(job(JOB_PUSH_STAGE1, pi))
        .errorCode(ERROR_COMMIT_FAILED)
        .errorMessage("error: commit failed: (statements constraint check failed)")
        .variables(
            Map.of(VAR_FAILURE, "error: commit failed: (statements constraint check failed)"))
        .send()
        .join();
    complete(JOB_ROLLBACK_CONFIG, pi);
    ActivatedJob fail = job(JOB_FAIL_OPERATION, pi);
    assertThat(fail.getVariablesAsMap().get(VAR_FAILURE))
        .asString()
        .contains("constraint check failed");
    noJob(JOB_CONFIRM_COMMIT, pi);
  }

  @Test
  void unreachableDeviceRaisesAnIncidentThatAnOperatorResolves() {
    long pi = startOnboarding("23.4R1");
    publish(MESSAGE_PHONE_HOME, Map.of(VAR_SOFTWARE_VERSION, "23.4R1"));
    complete(JOB_VALIDATE_DEVICE, pi);
    ActivatedJob connect = job(JOB_CONNECT, pi);
    assertThat(connect.getRetries()).isEqualTo(5);
    client
        .newFailCommand(connect)
        .retries(0)
        .errorMessage("connect timed out: 192.0.2.10:830")
        .send()
        .join();

    var incident = incident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).contains("192.0.2.10");
    client.newUpdateRetriesCommand(connect.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    complete(JOB_CONNECT, pi);
    complete(JOB_PUSH_STAGE1, pi);
    complete(JOB_CONFIRM_COMMIT, pi);
    finishOnboarding(pi);
  }

  @Test
  void upgradeFailureRollsBackAndFailsTheOnboarding() {
    long pi = startOnboarding("23.4R1");
    phoneHome(pi, "22.1R3");
    complete(DeviceUpgrade.JOB_PRECHECK, pi);
    complete(DeviceUpgrade.JOB_VERIFY_SIGNATURE, pi);
    throwError(
        DeviceUpgrade.JOB_INSTALL_PACKAGE,
        pi,
        DeviceUpgrade.ERROR_INSTALL_FAILED,
        "package-result 1: not enough space");
    complete(DeviceUpgrade.JOB_ROLLBACK_IMAGE, pi);
    ActivatedJob fail = job(JOB_FAIL_OPERATION, pi);
    assertThat(fail.getCustomHeaders()).containsEntry("failure", "UPGRADE_FAILED");
    noJob(JOB_APPLY_SITE_CONFIG, pi);
  }
}
