package io.switchboard.workers.job;

import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobHandlingUtil;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a worker's exception turns into, for every {@code @JobWorker}. The starter's default puts
 * the whole stack trace into the job's error message, which Operate and the operation then show;
 * here the message is one readable sentence ({@link FailureMessages}) and the stack trace goes to
 * the log. A {@link BpmnError} is thrown to the process as the default does; a {@link JobError}
 * fails the job with its retries and back-off; any other exception fails the job with one retry
 * fewer after a short back-off, so a worker bug ends in an incident rather than in a job that is
 * handed out forever.
 */
@Component
public class JobFailureHandling implements JobExceptionHandlingStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(JobFailureHandling.class);
  private static final String METRIC = "camunda.job.invocations";

  /**
   * Before an unexpected failure is tried again (a device or database hiccup passes in seconds).
   */
  static final Duration RETRY_BACK_OFF = Duration.ofSeconds(5);

  private final CommandExceptionHandlingStrategy commandFailures;
  private final MetricsRecorder metrics;

  public JobFailureHandling(
      CommandExceptionHandlingStrategy commandFailures, MetricsRecorder metrics) {
    this.commandFailures = commandFailures;
    this.metrics = metrics;
  }

  /** How the job fails: retries left, the sentence, the back-off before the next attempt. */
  public record JobFailure(int retries, String message, Duration retryBackoff, Object variables) {

    public static JobFailure of(ActivatedJob job, Exception failure) {
      if (failure instanceof JobError error) {
        return new JobFailure(
            error.getRetries() != null ? error.getRetries() : Math.max(0, job.getRetries() - 1),
            // the worker wrote this sentence; its cause is for the log
            error.getMessage() != null
                ? FailureMessages.oneLine(error.getMessage())
                : FailureMessages.message(error),
            error.getRetryBackoff(),
            error.getVariables());
      }
      return new JobFailure(
          Math.max(0, job.getRetries() - 1),
          FailureMessages.message(failure),
          RETRY_BACK_OFF,
          null);
    }
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context) {
    ActivatedJob job = context.job();
    JobClient client = context.jobClient();
    FinalCommandStep<?> command;
    String action;
    if (exception instanceof BpmnError error) {
      String errorMessage =
          error.getErrorMessage() == null ? null : FailureMessages.oneLine(error.getErrorMessage());
      LOG.info(
          "Job {} ({}) throws BPMN error {}: {}",
          job.getKey(),
          job.getType(),
          error.getErrorCode(),
          errorMessage);
      command =
          JobHandlingUtil.applyVariables(
              error.getVariables(),
              client
                  .newThrowErrorCommand(job.getKey())
                  .errorCode(error.getErrorCode())
                  .errorMessage(errorMessage));
      action = "bpmn-error";
    } else {
      JobFailure failure = JobFailure.of(job, exception);
      if (exception instanceof JobError) {
        // a failure the worker expected and handled (a device unreachable, a timeout): its
        // sentence says it all, a stack trace would only bury it
        LOG.warn(
            "Job {} ({}) failed, {} retries left: {}",
            job.getKey(),
            job.getType(),
            failure.retries(),
            failure.message());
      } else {
        // the stack trace belongs here, in the log, never in the job's error message
        LOG.warn(
            "Job {} ({}) failed, {} retries left: {}",
            job.getKey(),
            job.getType(),
            failure.retries(),
            failure.message(),
            exception);
      }
      var fail =
          client
              .newFailCommand(job.getKey())
              .retries(failure.retries())
              .errorMessage(failure.message());
      if (failure.retryBackoff() != null) {
        fail = fail.retryBackoff(failure.retryBackoff());
      }
      command = JobHandlingUtil.applyVariables(failure.variables(), fail);
      action = "failed";
    }
    Integer maxRetries = context.jobWorkerValue().getMaxRetries();
    new CommandWrapper(command, job, commandFailures, metrics, maxRetries == null ? 0 : maxRetries)
        .executeAsyncWithMetrics(METRIC, action, job.getType());
  }
}
