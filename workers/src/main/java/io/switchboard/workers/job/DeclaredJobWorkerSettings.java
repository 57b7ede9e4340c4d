package io.switchboard.workers.job;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.spring.properties.CamundaClientJobWorkerProperties;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.client.spring.properties.PropertyBasedJobWorkerValueCustomizer;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Makes a worker run with what its {@code @JobWorker} declares. The starter's own customizer (which
 * this bean replaces, by its name, and still calls) copies {@code camunda.client.worker.defaults.*}
 * over the annotation whenever a default differs from the client's built-in value: with {@code
 * defaults.timeout: PT60S} the install worker's declared fifteen minutes became one, and long
 * installs were handed out again while still running. Here the order is the one a reader expects:
 * {@code camunda.client.worker.override.<type>.*} first, then the annotation, then {@code
 * defaults}.
 */
@Component("propertyBasedJobWorkerValueCustomizer")
public class DeclaredJobWorkerSettings implements JobWorkerValueCustomizer {
  private final CamundaClientProperties properties;
  private final PropertyBasedJobWorkerValueCustomizer starter;

  public DeclaredJobWorkerSettings(CamundaClientProperties properties) {
    this.properties = properties;
    this.starter = new PropertyBasedJobWorkerValueCustomizer(properties);
  }

  @Override
  public void customize(JobWorkerValue value) {
    Optional<JobWorker> declared = value.getMethodInfo().getAnnotation(JobWorker.class);
    starter.customize(value);
    if (declared.isEmpty()) {
      return;
    }
    JobWorker annotation = declared.get();
    Optional<CamundaClientJobWorkerProperties> override =
        Optional.ofNullable(properties.getWorker().getOverride().get(value.getType()));
    if (annotation.timeout() > 0 && override.map(o -> o.getTimeout()).isEmpty()) {
      value.setTimeout(Duration.ofMillis(annotation.timeout()));
    }
    if (annotation.maxJobsActive() > 0 && override.map(o -> o.getMaxJobsActive()).isEmpty()) {
      value.setMaxJobsActive(annotation.maxJobsActive());
    }
    if (annotation.requestTimeout() > 0 && override.map(o -> o.getRequestTimeout()).isEmpty()) {
      value.setRequestTimeout(Duration.ofSeconds(annotation.requestTimeout()));
    }
    if (annotation.pollInterval() > 0 && override.map(o -> o.getPollInterval()).isEmpty()) {
      value.setPollInterval(Duration.ofMillis(annotation.pollInterval()));
    }
  }
}
