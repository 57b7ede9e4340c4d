package io.switchboard.workers.observability;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A job's complete, fail or throw-error command that the engine refused or never got is reported on
 * the Camunda client's own thread, after the handler returned: this logs it there with the job's
 * log fields (tenant, operation, process instance, device serial), then hands it to the starter's
 * strategy, which retries what it retries (gRPC errors; it logs those itself, now with the fields
 * too). Over REST the starter's strategy neither retries nor logs, so without this a completion
 * that failed (the job timed out and went to another instance meanwhile) left no trace.
 */
final class JobCommandFailureLog implements CommandExceptionHandlingStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(JobCommandFailureLog.class);

  /** The wrapper keeps its job private; without it the line still names what failed. */
  private static final Field JOB = jobField();

  private final CommandExceptionHandlingStrategy delegate;
  private final JobLogContext logContext;

  JobCommandFailureLog(CommandExceptionHandlingStrategy delegate, JobLogContext logContext) {
    this.delegate = delegate;
    this.logContext = logContext;
  }

  @Override
  public void handleCommandError(CommandWrapper command, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    Map<String, String> previous = MDC.getCopyOfContextMap();
    try {
      ActivatedJob job = jobOf(command);
      if (job != null) {
        logContext.put(job);
      }
      if (!(cause instanceof io.grpc.StatusRuntimeException)) {
        LOG.warn(
            "The engine did not take the result of job {}: {}",
            job == null ? "(unknown)" : job.getKey() + " (" + job.getType() + ")",
            cause.getMessage());
      }
      delegate.handleCommandError(command, cause);
    } finally {
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }

  private static ActivatedJob jobOf(CommandWrapper command) {
    if (JOB == null) {
      return null;
    }
    try {
      return (ActivatedJob) JOB.get(command);
    } catch (IllegalAccessException | ClassCastException e) {
      return null;
    }
  }

  private static Field jobField() {
    try {
      Field field = CommandWrapper.class.getDeclaredField("job");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}
