package io.switchboard.workers.operation;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fails a job whose worker threw an unexpected exception with one sentence a person can read (the
 * exception's own message and its root cause's), never a Java stack trace: that message becomes the
 * incident's, the operation's and the API's. The stack trace goes to the log. BPMN errors and
 * explicit job errors keep the starter's handling.
 */
@Component
public class ReadableJobFailures implements JobExceptionHandlingStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(ReadableJobFailures.class);
  private static final int MAX_MESSAGE = 1000;
  private static final Duration BACKOFF = Duration.ofSeconds(5);

  private final DefaultJobExceptionHandlingStrategy starterDefault;

  public ReadableJobFailures(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics) {
    this.starterDefault = new DefaultJobExceptionHandlingStrategy(commands, metrics);
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof CamundaError) {
      starterDefault.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    String message = sentence(exception);
    LOG.warn("Job {} ({}) failed: {}", job.getKey(), job.getType(), message, exception);
    context
        .jobClient()
        .newFailCommand(job.getKey())
        .retries(Math.max(0, job.getRetries() - 1))
        .retryBackoff(BACKOFF)
        .errorMessage(message)
        .send();
  }

  /** "What failed: why", from the exception and its root cause, on one line. */
  static String sentence(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String own = text(exception);
    String cause = root == exception ? null : text(root);
    String message = cause == null || own.contains(cause) ? own : own + ": " + cause;
    message = message.replaceAll("[\\r\\n\\t]+", " ").trim();
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }

  private static String text(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank()
        ? t.getClass().getSimpleName()
        : t.getMessage();
  }
}
