package io.switchboard.workers.observability;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.switchboard.workflows.operation.OperationContract;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A {@link JobWorkerManager} that opens every {@code @JobWorker} with its handler wrapped by {@link
 * JobLogContext}. The starter defines its own unconditionally; this one is primary, so the
 * starter's annotation processor opens the workers through it (the starter's stays unused). The
 * commands that send a job's result log their failures with the job's fields ({@link
 * JobCommandFailureLog}).
 */
@Configuration
public class LoggingJobWorkerManager {

  @Bean
  @Primary
  JobWorkerManager switchboardJobWorkerManager(
      CommandExceptionHandlingStrategy commandExceptionHandlingStrategy,
      MetricsRecorder metricsRecorder,
      ParameterResolverStrategy parameterResolverStrategy,
      ResultProcessorStrategy resultProcessorStrategy,
      BackoffSupplier backoffSupplier,
      JobExceptionHandlingStrategy jobExceptionHandlingStrategy,
      JobLogContext logContext) {
    return new JobWorkerManager(
        new JobCommandFailureLog(commandExceptionHandlingStrategy, logContext),
        metricsRecorder,
        parameterResolverStrategy,
        resultProcessorStrategy,
        backoffSupplier,
        jobExceptionHandlingStrategy) {
      @Override
      public JobWorker openWorker(
          CamundaClient client, JobWorkerValue jobWorkerValue, JobHandler handler) {
        return super.openWorker(client, jobWorkerValue, logContext.around(handler));
      }
    };
  }

  /**
   * A worker that fetches only its own variables (a {@code @VariablesAsType} record) also fetches
   * the few the log fields come from.
   */
  @Bean
  JobWorkerValueCustomizer logFieldVariables() {
    return value -> {
      List<String> fetch = value.getFetchVariables();
      if (fetch == null
          || fetch.isEmpty()
          || Boolean.TRUE.equals(value.getForceFetchAllVariables())) {
        return; // fetches everything already
      }
      List<String> more = new ArrayList<>(fetch);
      for (String name :
          List.of(
              OperationContract.VAR_OPERATION_ID,
              OperationContract.VAR_TENANT_ID,
              OperationContract.VAR_TARGET_KIND,
              OperationContract.VAR_TARGET_ID)) {
        if (!more.contains(name)) {
          more.add(name);
        }
      }
      value.setFetchVariables(more);
    };
  }
}
