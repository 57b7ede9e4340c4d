package io.switchboard.workers.device;

import io.camunda.client.api.response.ActivatedJob;

/**
 * What a device call made for a job should raise when it fails.
 *
 * @param errorCode the BPMN error code for an answer the model handles (rpc-error, failed Junos
 *     operation)
 * @param retriesLeft the job's retries, one fewer of which are left after a failure that may pass
 * @param unreachableErrorCode when set, a device that cannot be reached (refused, timeout, dropped
 *     session) raises this BPMN error at once instead of a retried job failure, for processes that
 *     model unreachability (a compliance check reports it rather than raising an incident)
 * @param reasonVariable the variable the BPMN error carries the sentence in
 */
public record OnFailure(
    String errorCode, int retriesLeft, String unreachableErrorCode, String reasonVariable) {

  public OnFailure(String errorCode, int retriesLeft) {
    this(errorCode, retriesLeft, null, DeviceFailures.FAILURE_VARIABLE);
  }

  /** For a device call of {@code job}; a refusal by the device raises {@code errorCode}. */
  public static OnFailure raise(String errorCode, ActivatedJob job) {
    return new OnFailure(errorCode, job.getRetries());
  }

  /**
   * Like {@link #raise}, and a device that cannot be reached raises {@code unreachableErrorCode}
   * with the sentence in {@code reasonVariable}.
   */
  public static OnFailure raiseUnreachable(
      String errorCode, String unreachableErrorCode, String reasonVariable, ActivatedJob job) {
    return new OnFailure(errorCode, job.getRetries(), unreachableErrorCode, reasonVariable);
  }
}
