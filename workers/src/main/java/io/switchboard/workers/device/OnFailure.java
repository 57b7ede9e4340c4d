package io.switchboard.workers.device;

import io.camunda.client.api.response.ActivatedJob;

/**
 * What a device call made for a job should raise when it fails.
 *
 * @param errorCode the BPMN error code for an answer the model handles (rpc-error, failed Junos
 *     operation)
 * @param retriesLeft the job's retries, one fewer of which are left after a failure that may pass
 */
public record OnFailure(String errorCode, int retriesLeft) {

  /** For a device call of {@code job}; a refusal by the device raises {@code errorCode}. */
  public static OnFailure raise(String errorCode, ActivatedJob job) {
    return new OnFailure(errorCode, job.getRetries());
  }
}
