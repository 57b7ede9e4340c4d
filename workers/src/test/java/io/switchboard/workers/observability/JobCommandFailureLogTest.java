package io.switchboard.workers.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.switchboard.inventory.device.DeviceRepository;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Camunda client reports a failed job command (here: a completion the engine refused) on its
 * own thread after the handler returned; the line logged there carries the job's fields.
 */
class JobCommandFailureLogTest {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(JobCommandFailureLog.class);
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void detach() {
    logger.detachAppender(lines);
    retries.shutdownNow();
  }

  @Test
  void aCompletionTheEngineRefusedIsLoggedOnTheClientsThreadWithTheJobsFields() throws Exception {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(2251799813685301L);
    when(job.getType()).thenReturn("device.push-config");
    when(job.getProcessInstanceKey()).thenReturn(2251799813685249L);
    when(job.getVariablesAsMap())
        .thenReturn(Map.of("operationId", "op-17", "tenantId", "tenant-3"));
    JobCommandFailureLog strategy =
        new JobCommandFailureLog(
            new DefaultCommandExceptionHandlingStrategy(
                BackoffSupplier.newBackoffBuilder().build(), retries),
            new JobLogContext(mock(DeviceRepository.class)));
    CommandWrapper completion =
        new CommandWrapper(
            mock(FinalCommandStep.class), job, strategy, mock(MetricsRecorder.class), 3);
    lines.start();
    logger.addAppender(lines);

    // as the client's HTTP thread calls it when the completion's answer is an error
    Thread clientThread =
        new Thread(
            () ->
                strategy.handleCommandError(
                    completion,
                    new ClientException("Failed with code 404: 'Not Found'. Details: no such job")),
            "client-http-1");
    clientThread.start();
    clientThread.join();

    assertThat(lines.list).hasSize(1);
    ILoggingEvent line = lines.list.get(0);
    assertThat(line.getThreadName()).isEqualTo("client-http-1");
    assertThat(line.getFormattedMessage())
        .contains("2251799813685301 (device.push-config)")
        .contains("no such job");
    assertThat(line.getMDCPropertyMap())
        .containsEntry("operationId", "op-17")
        .containsEntry("tenantId", "tenant-3")
        .containsEntry("processInstanceKey", "2251799813685249")
        .containsEntry("jobType", "device.push-config");
  }
}
