package io.switchboard.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.engine.Engine;
import io.switchboard.engine.EngineIT;
import io.switchboard.engine.processor.BatchObserver;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EngineMetricsIT extends EngineIT {
  @Autowired Engine engine;
  MeterRegistry registry;

  @BeforeEach
  void observe() {
    registry = new SimpleMeterRegistry();
    engine.observe(new EngineMetrics(registry));
  }

  @AfterEach
  void stopObserving() {
    engine.observe(BatchObserver.NONE);
  }

  private double counter(String event, String process) {
    var counter =
        registry
            .find("switchboard.engine.process.instances")
            .tag("process", process)
            .tag("event", event)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private double gauge(String name, String tag, String value) {
    var gauge = registry.find(name).tag(tag, value).gauge();
    return gauge == null ? -1 : gauge.value();
  }

  @Test
  void instancesJobsIncidentsAndBatchesAreCounted() {
    String id = unique("metrics");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type).zeebeJobRetries("1"))
            .endEvent()
            .done());

    long first = start(id, Map.of()).getProcessInstanceKey();
    long second = start(id, Map.of()).getProcessInstanceKey();
    assertThat(counter("created", id)).isEqualTo(2);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gauge("switchboard.engine.jobs.activatable", "type", type) == 2);

    ActivatedJob job = activateOne(type);
    client.newCompleteCommand(job).send().join();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> counter("completed", id) == 1);
    var latency =
        registry.find("switchboard.engine.job.activation.latency").tag("type", type).timer();
    assertThat(latency).isNotNull();
    assertThat(latency.count()).isEqualTo(1);

    double incidentsBefore = registry.get("switchboard.engine.incidents.open").gauge().value();
    ActivatedJob other = activateOne(type);
    client.newFailCommand(other).retries(0).errorMessage("device unreachable").send().join();
    awaitIncident(other.getProcessInstanceKey());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                registry.get("switchboard.engine.incidents.open").gauge().value()
                    == incidentsBefore + 1);

    client
        .newCancelInstanceCommand(first == job.getProcessInstanceKey() ? second : first)
        .send()
        .join();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> counter("terminated", id) == 1);
    assertThat(registry.get("switchboard.engine.batch.commands").summary().count()).isPositive();
    assertThat(registry.get("switchboard.engine.batch.commit").timer().count()).isPositive();
  }
}
