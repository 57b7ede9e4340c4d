package io.switchboard.workflows;

import static io.switchboard.workflows.upgrade.DeviceUpgrade.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceResult;
import io.switchboard.workflows.operation.OperationContract;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every path of device-upgrade.bpmn, run on its own as the API starts it for one device. */
class DeviceUpgradeIT extends ProcessPathIT {

  private CompletableFuture<ProcessInstanceResult> run(Map<String, Object> extra) {
    Map<String, Object> variables = new java.util.HashMap<>(extra);
    variables.put("serialNumber", serial);
    variables.put(OperationContract.VAR_OPERATION_ID, operationId);
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(Duration.ofSeconds(30))
        .send()
        .toCompletableFuture();
  }

  private String resultOf(CompletableFuture<ProcessInstanceResult> result) {
    Map<String, Object> variables = result.join().getVariablesAsMap();
    String upgrade = (String) variables.get("upgradeResult");
    // the operation's outcome, which Switchboard's tracker reads, says the same as the result
    assertThat(variables.get(OperationContract.VAR_OUTCOME))
        .isEqualTo("FAILED".equals(upgrade) ? OperationContract.OUTCOME_FAILED : null);
    return upgrade;
  }

  @Test
  void happyPath() {
    var result = run(Map.of());
    complete(JOB_PRECHECK, -1);
    complete(JOB_VERIFY_SIGNATURE, -1);
    complete(JOB_INSTALL_PACKAGE, -1);
    complete(JOB_REBOOT, -1);
    publish(MESSAGE_BACK_ONLINE, Map.of("softwareVersion", "23.4R1"));
    complete(JOB_POSTCHECK, -1);
    assertThat(resultOf(result)).isEqualTo("UPGRADED");
  }

  @Test
  void failedPrecheckChangesNothing() {
    var result = run(Map.of());
    throwError(JOB_PRECHECK, -1, ERROR_PRECHECK_FAILED, "only 12 MB free in /var/tmp");
    assertThat(resultOf(result)).isEqualTo("FAILED");
    noJob(JOB_ROLLBACK_IMAGE, -1);
  }

  @Test
  void badSignatureIsRefusedBeforeTheDeviceSeesTheImage() {
    var result = run(Map.of());
    complete(JOB_PRECHECK, -1);
    throwError(JOB_VERIFY_SIGNATURE, -1, ERROR_BAD_SIGNATURE, "signature does not verify");
    assertThat(resultOf(result)).isEqualTo("FAILED");
    noJob(JOB_INSTALL_PACKAGE, -1);
  }

  @Test
  void failedInstallRollsBack() {
    var result = run(Map.of());
    complete(JOB_PRECHECK, -1);
    complete(JOB_VERIFY_SIGNATURE, -1);
    throwError(JOB_INSTALL_PACKAGE, -1, ERROR_INSTALL_FAILED, "checksum mismatch");
    complete(JOB_ROLLBACK_IMAGE, -1);
    assertThat(resultOf(result)).isEqualTo("FAILED");
  }

  @Test
  void failedPostcheckRollsBack() {
    var result = run(Map.of());
    complete(JOB_PRECHECK, -1);
    complete(JOB_VERIFY_SIGNATURE, -1);
    complete(JOB_INSTALL_PACKAGE, -1);
    complete(JOB_REBOOT, -1);
    publish(MESSAGE_BACK_ONLINE, Map.of("softwareVersion", "22.1R3"));
    throwError(JOB_POSTCHECK, -1, ERROR_POSTCHECK_FAILED, "device runs 22.1R3, expected 23.4R1");
    complete(JOB_ROLLBACK_IMAGE, -1);
    assertThat(resultOf(result)).isEqualTo("FAILED");
  }

  @Test
  void deviceNotBackInTimeRollsBack() {
    var result = run(Map.of(VAR_REBOOT_TIMEOUT, "PT0.5S"));
    complete(JOB_PRECHECK, -1);
    complete(JOB_VERIFY_SIGNATURE, -1);
    complete(JOB_INSTALL_PACKAGE, -1);
    complete(JOB_REBOOT, -1);
    complete(JOB_ROLLBACK_IMAGE, -1);
    assertThat(resultOf(result)).isEqualTo("FAILED");
    noJob(JOB_POSTCHECK, -1);
  }

  @Test
  void failedRebootRollsBack() {
    var result = run(Map.of());
    complete(JOB_PRECHECK, -1);
    complete(JOB_VERIFY_SIGNATURE, -1);
    complete(JOB_INSTALL_PACKAGE, -1);
    throwError(JOB_REBOOT, -1, ERROR_INSTALL_FAILED, "request-reboot: permission denied");
    complete(JOB_ROLLBACK_IMAGE, -1);
    assertThat(resultOf(result)).isEqualTo("FAILED");
    noJob(JOB_POSTCHECK, -1);
  }

  @Test
  void anErrorNoStepCatchesEndsTheUpgradeFailedInsteadOfAnIncident() {
    var result = run(Map.of());
    complete(JOB_PRECHECK, -1);
    complete(JOB_VERIFY_SIGNATURE, -1);
    throwError(JOB_INSTALL_PACKAGE, -1, ERROR_INSTALL_FAILED, "checksum mismatch");
    throwError(JOB_ROLLBACK_IMAGE, -1, ERROR_INSTALL_FAILED, "request-package-rollback: no image");
    assertThat(resultOf(result)).isEqualTo("FAILED");
  }

  @Test
  void aBackOnlineMessageOfAnotherOperationIsNotTakenUp() {
    var result = run(Map.of(VAR_REBOOT_TIMEOUT, "PT2S"));
    complete(JOB_PRECHECK, -1);
    complete(JOB_VERIFY_SIGNATURE, -1);
    complete(JOB_INSTALL_PACKAGE, -1);
    complete(JOB_REBOOT, -1);
    client
        .newPublishMessageCommand()
        .messageName(MESSAGE_BACK_ONLINE)
        .correlationKey(UUID.randomUUID().toString())
        .variables(Map.of("softwareVersion", "23.4R1"))
        .send()
        .join();
    complete(JOB_ROLLBACK_IMAGE, -1);
    assertThat(resultOf(result)).isEqualTo("FAILED");
  }
}
