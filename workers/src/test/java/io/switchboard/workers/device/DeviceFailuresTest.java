package io.switchboard.workers.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.switchboard.camel.junos.JunosOperationException;
import io.switchboard.camel.netconf.HostKeyMismatchException;
import io.switchboard.camel.netconf.NetconfRpcException;
import io.switchboard.camel.netconf.NetconfTimeoutException;
import io.switchboard.netconf.error.RpcError;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceFailuresTest {
  private static final OnFailure COMMIT = new OnFailure(ZtpOnboarding.ERROR_COMMIT_FAILED, 3);

  @Test
  void anRpcErrorIsTheModelledBpmnErrorWithTheDevicesOwnMessage() {
    RuntimeException failure =
        new NetconfRpcException(
            "r1",
            "commit",
            List.of(
                RpcError.error("protocol", "operation-failed", "Check-out pass dumped core")
                    .withPath("[edit]")),
            "<rpc-reply/>");

    RuntimeException mapped = DeviceFailures.toProcessError(failure, COMMIT);

    assertThat(mapped)
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ZtpOnboarding.ERROR_COMMIT_FAILED);
              assertThat(e.getErrorMessage()).contains("Check-out pass dumped core");
              assertThat(e.getVariables())
                  .isEqualTo(Map.of(ZtpOnboarding.VAR_FAILURE, e.getErrorMessage()));
            });
  }

  @Test
  void aFailedJunosOperationIsAlsoTheDevicesAnswer() {
    RuntimeException mapped =
        DeviceFailures.toProcessError(
            new JunosOperationException("r1", "request-package-add", "package-result 1: checksum"),
            new OnFailure(DeviceUpgrade.ERROR_INSTALL_FAILED, 3));

    assertThat(mapped)
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(DeviceUpgrade.ERROR_INSTALL_FAILED);
              assertThat(e.getErrorMessage())
                  .isEqualTo("device r1: request-package-add failed: package-result 1: checksum");
            });
  }

  @Test
  void anUnreachableDeviceIsAJobFailureRetriedWithBackOff() {
    NetconfTimeoutException timeout =
        new NetconfTimeoutException("r1", "connect", Duration.ofSeconds(10));

    RuntimeException mapped = DeviceFailures.toProcessError(timeout, COMMIT);

    assertThat(mapped)
        .isInstanceOfSatisfying(
            JobError.class,
            e -> {
              assertThat(e.getRetries()).isEqualTo(2);
              assertThat(e.getRetryBackoff()).isEqualTo(DeviceFailures.RETRY_BACK_OFF);
              assertThat(e.getMessage()).isEqualTo(timeout.getMessage()).doesNotContain("\n");
              assertThat(e.getCause()).isSameAs(timeout);
            });
  }

  @Test
  void theLastRetryEndsInAnIncidentNotInNegativeRetries() {
    RuntimeException mapped =
        DeviceFailures.toProcessError(
            new IllegalStateException("session closed"), new OnFailure("X", 0));

    assertThat(mapped)
        .isInstanceOfSatisfying(JobError.class, e -> assertThat(e.getRetries()).isZero());
  }

  @Test
  void aChangedHostKeyIsNeverRetried() {
    RuntimeException mapped =
        DeviceFailures.toProcessError(
            new HostKeyMismatchException("r1", "SHA256:old", "SHA256:new"), COMMIT);

    assertThat(mapped)
        .isInstanceOfSatisfying(
            JobError.class,
            e -> {
              assertThat(e.getRetries()).isZero();
              assertThat(e.getMessage()).contains("SHA256:new");
            });
  }

  @Test
  void theProcessesReadTheFailureWhereTheOperationContractPutsIt() {
    assertThat(DeviceFailures.FAILURE_VARIABLE)
        .isEqualTo(OperationContract.VAR_FAILURE_REASON)
        .isEqualTo(ZtpOnboarding.VAR_FAILURE)
        .isEqualTo(DeviceUpgrade.VAR_FAILURE);
  }
}
