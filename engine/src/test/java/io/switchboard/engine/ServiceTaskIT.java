package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServiceTaskIT extends EngineIT {

  @Test
  void twoServiceTasksCompletedByClientWorkersEndWithBothWorkersVariables() {
    String process = unique("two-tasks");
    String first = unique("first");
    String second = unique("second");
    deploy(
        Bpmn.createExecutableProcess(process)
            .startEvent()
            .serviceTask("a", t -> t.zeebeJobType(first))
            .serviceTask("b", t -> t.zeebeJobType(second))
            .endEvent()
            .done());
    try (JobWorker w1 =
            client
                .newWorker()
                .jobType(first)
                .handler(
                    (c, job) ->
                        c.newCompleteCommand(job).variables(Map.of("fromFirst", 1)).send().join())
                .open();
        JobWorker w2 =
            client
                .newWorker()
                .jobType(second)
                .handler(
                    (c, job) ->
                        c.newCompleteCommand(job)
                            .variables(Map.of("fromSecond", "two"))
                            .send()
                            .join())
                .open()) {
      ProcessInstanceResult result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(process)
              .latestVersion()
              .variables(Map.of("input", true))
              .withResult()
              .requestTimeout(Duration.ofSeconds(20))
              .send()
              .join();
      assertThat(result.getVariablesAsMap())
          .containsEntry("fromFirst", 1)
          .containsEntry("fromSecond", "two")
          .containsEntry("input", true);
    }
  }

  @Test
  void activatedJobCarriesHeadersVariablesAndMetadata() {
    String process = unique("headers");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(process)
            .startEvent()
            .serviceTask(
                "task",
                t -> t.zeebeJobType(type).zeebeJobRetries("5").zeebeTaskHeader("device", "cpe-1"))
            .endEvent()
            .done());
    long pi = start(process, Map.of("site", "paris", "other", 2)).getProcessInstanceKey();

    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .workerName("w-1")
            .fetchVariables("site")
            .timeout(Duration.ofMinutes(1))
            .send()
            .join()
            .getJobs()
            .get(0);

    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(job.getBpmnProcessId()).isEqualTo(process);
    assertThat(job.getElementId()).isEqualTo("task");
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getWorker()).isEqualTo("w-1");
    assertThat(job.getCustomHeaders()).containsEntry("device", "cpe-1");
    assertThat(job.getVariablesAsMap()).containsOnlyKeys("site").containsEntry("site", "paris");
  }

  @Test
  void longPollingAnswersAsSoonAsAJobIsCreated() {
    String process = unique("long-poll");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(process)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(type))
            .endEvent()
            .done());

    CompletableFuture<Integer> polled =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(15))
            .send()
            .toCompletableFuture()
            .thenApply(r -> r.getJobs().size());
    start(process, Map.of());

    // answered well before the 15 s request timeout because a job turned up
    assertThat(polled).succeedsWithin(Duration.ofSeconds(8)).isEqualTo(1);
  }

  @Test
  void longPollingWithoutJobsAnswersEmptyAfterRequestTimeout() {
    long started = System.nanoTime();
    var jobs =
        client
            .newActivateJobsCommand()
            .jobType(unique("none"))
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofMillis(500))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(450));
  }
}
