package io.switchboard.workers.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.metrics.MetricsRecorder;
import io.switchboard.workers.job.JobFailureHandling.JobFailure;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class JobFailureHandlingTest {

  private static ActivatedJob job(String type, int retries) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(42L);
    when(job.getType()).thenReturn(type);
    when(job.getRetries()).thenReturn(retries);
    return job;
  }

  @Test
  void aJobErrorKeepsItsRetriesAndBackOffAndItsMessageStaysOneSentence() {
    JobFailure failure =
        JobFailure.of(
            job("device.connect", 3),
            CamundaError.jobError(
                "device r1: connect did not complete",
                Map.of(),
                2,
                Duration.ofSeconds(5),
                new IllegalStateException("cause")));

    assertThat(failure.retries()).isEqualTo(2);
    assertThat(failure.retryBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(failure.message()).isEqualTo("device r1: connect did not complete");
  }

  @Test
  void anyOtherExceptionCostsOneRetryAndSaysWhatFailedWithoutAStackTrace() {
    JobFailure failure =
        JobFailure.of(job("device.postcheck", 1), new NoSuchElementException("No value present"));

    assertThat(failure.retries()).isZero();
    assertThat(failure.retryBackoff()).isEqualTo(JobFailureHandling.RETRY_BACK_OFF);
    assertThat(failure.message()).isEqualTo("No value present");
  }

  @Test
  void theFailCommandCarriesTheSentenceNotTheStackTrace() {
    JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);
    ActivatedJob job = job("device.reboot", 3);
    JobWorkerValue worker = new JobWorkerValue();
    worker.setMaxRetries(0);
    JobFailureHandling handling =
        new JobFailureHandling(
            mock(CommandExceptionHandlingStrategy.class), mock(MetricsRecorder.class));

    handling.handleException(
        new IllegalStateException("session dropped\n\tat some.Frame(Frame.java:1)"),
        new ExceptionHandlingContext(client, job, worker));

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    verify(client.newFailCommand(42L).retries(2)).errorMessage(message.capture());
    assertThat(message.getValue())
        .isEqualTo("session dropped at some.Frame(Frame.java:1)")
        .doesNotContain("\n")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void aBpmnErrorIsThrownToTheProcessWithItsCodeAndMessage() {
    JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);
    JobWorkerValue worker = new JobWorkerValue();
    worker.setMaxRetries(0);
    new JobFailureHandling(
            mock(CommandExceptionHandlingStrategy.class), mock(MetricsRecorder.class))
        .handleException(
            CamundaError.bpmnError("COMMIT_FAILED", "commit failed"),
            new ExceptionHandlingContext(client, job("device.push-config", 3), worker));

    verify(client.newThrowErrorCommand(42L).errorCode("COMMIT_FAILED")).errorMessage(anyString());
  }
}
