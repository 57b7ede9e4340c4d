package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class JobLifecycleIT extends EngineIT {

  private String deployTask(String id, String type, int retries) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type).zeebeJobRetries(String.valueOf(retries)))
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .done());
    return type;
  }

  @Test
  void manyLongPollsEndingTogetherAreAllAnsweredWithinTheirTimeout() {
    // each is answered on a container thread after the engine ends its hold (AfterDispatch)
    List<io.camunda.client.api.CamundaFuture<io.camunda.client.api.response.ActivateJobsResponse>>
        polls = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      polls.add(
          client
              .newActivateJobsCommand()
              .jobType(unique("nothing-here"))
              .maxJobsToActivate(1)
              // held 2 s by the engine; the client itself gives up after 5 s
              .requestTimeout(Duration.ofSeconds(4))
              .send());
    }
    for (var poll : polls) {
      assertThat(poll.join().getJobs()).isEmpty();
    }
  }

  @Test
  void timedOutJobBecomesActivatableAgainWithoutUsingARetry() {
    String id = unique("timeout");
    String type = deployTask(id, unique("job"), 3);
    start(id, Map.of());
    ActivatedJob first =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMillis(300))
            .send()
            .join()
            .getJobs()
            .get(0);

    ActivatedJob again = activateOne(type); // long polls until the 300 ms timeout has passed

    assertThat(again.getKey()).isEqualTo(first.getKey());
    assertThat(again.getRetries()).isEqualTo(3);
  }

  @Test
  void failureWithRetriesLeftReactivatesAfterTheBackOff() {
    String id = unique("backoff");
    String type = deployTask(id, unique("job"), 3);
    start(id, Map.of());
    ActivatedJob job = activateOne(type);

    client
        .newFailCommand(job)
        .retries(2)
        .retryBackoff(Duration.ofMillis(800))
        .errorMessage("device busy")
        .send()
        .join();

    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(-1))
                .send()
                .join()
                .getJobs())
        .as("not activatable during the back-off")
        .isEmpty();
    ActivatedJob retried = activateOne(type);
    assertThat(retried.getKey()).isEqualTo(job.getKey());
    assertThat(retried.getRetries()).isEqualTo(2);
  }

  @Test
  void noRetriesLeftRaisesAnIncidentThatRetriesUpdateAndResolutionClear() {
    String id = unique("incident");
    String type = deployTask(id, unique("job"), 1);
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);

    client
        .newFailCommand(job)
        .retries(0)
        .errorMessage("NETCONF session refused by cpe-7")
        .send()
        .join();

    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("NETCONF session refused by cpe-7");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(incident.getElementId()).isEqualTo("task");
    assertThat(incident.getState()).isEqualTo(IncidentState.ACTIVE);

    // resolving without retries is refused with a clear message
    assertThatThrownBy(
            () -> client.newResolveIncidentCommand(incident.getIncidentKey()).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));

    client.newUpdateRetriesCommand(job.getKey()).retries(2).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    ActivatedJob again = activateOne(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
    client.newCompleteCommand(again).send().join();
    assertThat(activateOne(type + "-after").getProcessInstanceKey()).isEqualTo(pi);
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(pi).state(IncidentState.ACTIVE))
                .send()
                .join()
                .items())
        .isEmpty();
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(pi).state(IncidentState.RESOLVED))
                .send()
                .join()
                .items())
        .hasSize(1);
  }

  @Test
  void failureVariablesAreSetOnTheTaskAndSeenOnRetry() {
    String id = unique("fail-vars");
    String type = deployTask(id, unique("job"), 3);
    start(id, Map.of());
    ActivatedJob job = activateOne(type);
    client.newFailCommand(job).retries(1).variables(Map.of("attempt", 1)).send().join();
    assertThat(activateOne(type).getVariablesAsMap()).containsEntry("attempt", 1);
  }

  @Test
  void updatingTheTimeoutExtendsTheDeadline() {
    String id = unique("extend");
    String type = deployTask(id, unique("job"), 3);
    start(id, Map.of());
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMillis(500))
            .send()
            .join()
            .getJobs()
            .get(0);
    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(5)).send().join();

    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(1500))
                .send()
                .join()
                .getJobs())
        .isEmpty();
    client.newCompleteCommand(job).send().join();
  }

  @Test
  void rejectsRetriesBelowOneAndUnknownJobs() {
    assertThatThrownBy(
            () -> client.newUpdateRetriesCommand(2251799813685249L).retries(0).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400));
    assertThatThrownBy(() -> client.newFailCommand(2251799813685249L).retries(1).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void bpmnErrorGoesToTheMatchingBoundaryEvent() {
    String id = unique("error-caught");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("push", t -> t.zeebeJobType(type))
            .boundaryEvent("commitFailed", b -> b.error("COMMIT_FAILED"))
            .serviceTask("rollback", t -> t.zeebeJobType(type + "-rollback"))
            .endEvent()
            .moveToActivity("push")
            .serviceTask("ok", t -> t.zeebeJobType(type + "-ok"))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);

    client
        .newThrowErrorCommand(job)
        .errorCode("COMMIT_FAILED")
        .errorMessage("commit check failed")
        .variables(Map.of("reason", "syntax"))
        .send()
        .join();

    ActivatedJob rollback = activateOne(type + "-rollback");
    assertThat(rollback.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(rollback.getVariablesAsMap()).containsEntry("reason", "syntax");
  }

  @Test
  void uncaughtBpmnErrorRaisesAnIncident() {
    String id = unique("error-uncaught");
    String type = deployTask(id, unique("job"), 3);
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);

    client.newThrowErrorCommand(job).errorCode("NOBODY_CATCHES").errorMessage("boom").send().join();

    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getErrorMessage()).contains("NOBODY_CATCHES");
  }

  @Test
  void clientWorkerRetriesAFailingHandlerThenSucceeds() {
    String id = unique("worker-retry");
    String type = deployTask(id, unique("job"), 3);
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    try (var worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (c, job) -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("transient");
                  }
                  c.newCompleteCommand(job).send().join();
                })
            .pollInterval(Duration.ofMillis(100))
            .open()) {
      long pi = start(id, Map.of()).getProcessInstanceKey();
      Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> calls.get() >= 2);
      assertThat(activateOne(type + "-after").getProcessInstanceKey()).isEqualTo(pi);
    }
  }
}
