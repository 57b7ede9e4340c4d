package io.switchboard.workers.device;

import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.JunosOperationException;
import io.switchboard.camel.netconf.HostKeyMismatchException;
import io.switchboard.camel.netconf.NetconfRpcException;
import io.switchboard.workers.job.FailureMessages;
import io.switchboard.workflows.operation.OperationContract;
import java.time.Duration;
import java.util.Map;

/**
 * Turns device failures into what the process should see. An {@code rpc-error} or a failed Junos
 * operation is the device's answer: a BPMN error the model handles, carrying the device's own
 * message in {@code failureReason}. A changed host key needs a person (re-pin it in the inventory):
 * a job failure without retries, so an incident at once. Anything else (unreachable, timeout,
 * dropped session) may pass: a job failure retried with back-off, ending in an incident an operator
 * can resolve.
 */
public final class DeviceFailures {
  static final Duration RETRY_BACK_OFF = Duration.ofSeconds(5);

  /** Every process reads the failure from there (the operation contract). */
  static final String FAILURE_VARIABLE = OperationContract.VAR_FAILURE_REASON;

  private DeviceFailures() {}

  public static RuntimeException toProcessError(RuntimeException failure, OnFailure onFailure) {
    String sentence = FailureMessages.message(failure);
    if (failure instanceof NetconfRpcException || failure instanceof JunosOperationException) {
      return CamundaError.bpmnError(
          onFailure.errorCode(), sentence, Map.of(FAILURE_VARIABLE, sentence));
    }
    if (failure instanceof HostKeyMismatchException) {
      return CamundaError.jobError(sentence, Map.of(), 0, null, failure);
    }
    if (onFailure.unreachableErrorCode() != null) {
      return CamundaError.bpmnError(
          onFailure.unreachableErrorCode(), sentence, Map.of(onFailure.reasonVariable(), sentence));
    }
    return CamundaError.jobError(
        sentence, Map.of(), Math.max(0, onFailure.retriesLeft() - 1), RETRY_BACK_OFF, failure);
  }
}
