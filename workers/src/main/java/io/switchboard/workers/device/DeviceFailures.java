package io.switchboard.workers.device;

import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.JunosOperationException;
import io.switchboard.camel.netconf.HostKeyMismatchException;
import io.switchboard.camel.netconf.NetconfRpcException;
import java.time.Duration;
import java.util.Map;

/**
 * Turns device failures into what the process should see. An {@code rpc-error} or a failed Junos
 * operation is the device's answer: a BPMN error the model handles, carrying the device's own
 * message. Anything else (unreachable, timeout, dropped session) may pass: a job failure that is
 * retried with back-off and ends in an incident an operator can resolve.
 */
public final class DeviceFailures {
  static final Duration RETRY_BACK_OFF = Duration.ofSeconds(5);

  private DeviceFailures() {}

  public static RuntimeException asProcessError(
      RuntimeException failure, String errorCode, int retriesLeft) {
    if (failure instanceof NetconfRpcException || failure instanceof JunosOperationException) {
      String message = failure.getMessage();
      return CamundaError.bpmnError(errorCode, message, Map.of("failureReason", message));
    }
    if (failure instanceof HostKeyMismatchException) {
      // never retried: a changed host key needs a human (re-pin in the inventory)
      return CamundaError.jobError(failure.getMessage(), Map.of(), 0);
    }
    return CamundaError.jobError(
        failure.getMessage() == null ? failure.toString() : failure.getMessage(),
        Map.of(),
        Math.max(0, retriesLeft - 1),
        RETRY_BACK_OFF);
  }
}
