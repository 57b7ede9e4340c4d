package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Execution listeners on multi-instance activities and event subprocesses, as Zeebe 8.8 runs them:
 * on a multi-instance activity they run around each inner instance (the body has none); on an event
 * subprocess the start listeners run once it is triggered and before its start event, the end
 * listeners once its content has completed.
 */
class ExecutionListenerScopesIT extends EngineIT {

  private String deployMultiInstance(String p, boolean sequential) {
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent()
            .serviceTask(
                "push",
                t ->
                    t.zeebeJobType(p + "-push")
                        .zeebeStartExecutionListener(p + "-start")
                        .zeebeEndExecutionListener(p + "-end")
                        .multiInstance(
                            m -> {
                              var loop =
                                  m.zeebeInputCollectionExpression("devices")
                                      .zeebeInputElement("device")
                                      .zeebeOutputCollection("results")
                                      .zeebeOutputElementExpression("checked");
                              if (sequential) {
                                loop.sequential();
                              } else {
                                loop.parallel();
                              }
                            }))
            .serviceTask("after", t -> t.zeebeJobType(p + "-after"))
            .endEvent()
            .done());
    return p;
  }

  @Test
  void onAParallelMultiInstanceActivityListenersRunAroundEachInnerInstance() {
    String p = deployMultiInstance(unique("mi-listened"), false);
    start(p, Map.of("devices", List.of("a", "b")));

    List<ActivatedJob> starts = activate(p + "-start", 10);
    assertThat(starts).as("one start listener per inner instance, none on the body").hasSize(2);
    assertThat(starts)
        .allSatisfy(
            j -> {
              assertThat(j.getListenerEventType()).isEqualTo(ListenerEventType.START);
              assertThat(j.getElementId()).isEqualTo("push");
            });
    assertThat(starts)
        .extracting(j -> j.getVariablesAsMap().get("device"))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(activateNow(p + "-push")).isEmpty();
    for (ActivatedJob s : starts) {
      client
          .newCompleteCommand(s)
          .variables(Map.of("prepared", "for-" + s.getVariablesAsMap().get("device")))
          .send()
          .join();
    }

    List<ActivatedJob> pushes = activate(p + "-push", 10);
    assertThat(pushes).hasSize(2);
    for (ActivatedJob push : pushes) {
      Map<String, Object> vars = push.getVariablesAsMap();
      // a start listener's variables are local to its own inner instance
      assertThat(vars.get("prepared")).isEqualTo("for-" + vars.get("device"));
      client.newCompleteCommand(push).send().join();
    }

    List<ActivatedJob> ends = activate(p + "-end", 10);
    assertThat(ends).hasSize(2);
    assertThat(activateNow(p + "-after")).isEmpty();
    for (ActivatedJob end : ends) {
      assertThat(end.getListenerEventType()).isEqualTo(ListenerEventType.END);
      client
          .newCompleteCommand(end)
          .variables(Map.of("checked", "ok-" + end.getVariablesAsMap().get("device")))
          .send()
          .join();
    }
    assertThat(activateOne(p + "-after").getVariablesAsMap().get("results"))
        .as("the end listeners' variables reach the output collection")
        .isEqualTo(List.of("ok-a", "ok-b"));
  }

  @Test
  void onASequentialMultiInstanceActivityEachInstanceRunsItsListenersBeforeTheNextStarts() {
    String p = deployMultiInstance(unique("mi-sequential"), true);
    start(p, Map.of("devices", List.of("a", "b")));

    for (String device : List.of("a", "b")) {
      ActivatedJob start = activateOne(p + "-start");
      assertThat(start.getVariablesAsMap()).containsEntry("device", device);
      client.newCompleteCommand(start).send().join();
      client.newCompleteCommand(activateOne(p + "-push")).send().join();
      assertThat(activateNow(p + "-start")).as("the next instance waits").isEmpty();
      client
          .newCompleteCommand(activateOne(p + "-end"))
          .variables(Map.of("checked", device))
          .send()
          .join();
    }
    assertThat(activateOne(p + "-after").getVariablesAsMap().get("results"))
        .isEqualTo(List.of("a", "b"));
  }

  @Test
  void aFailedListenerOfAnInnerInstanceIsAnIncidentOnItAndOnlyItRunsAgain() {
    String p = deployMultiInstance(unique("mi-failing"), false);
    long pi = start(p, Map.of("devices", List.of("a", "b"))).getProcessInstanceKey();
    List<ActivatedJob> starts =
        activate(p + "-start", 10).stream()
            .sorted(Comparator.comparing(j -> (String) j.getVariablesAsMap().get("device")))
            .toList();
    client.newCompleteCommand(starts.get(0)).send().join();
    client.newFailCommand(starts.get(1)).retries(0).errorMessage("audit down").send().join();

    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXECUTION_LISTENER_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("push");
    assertThat(incident.getElementInstanceKey()).isEqualTo(starts.get(1).getElementInstanceKey());
    ActivatedJob first = activateOne(p + "-push");
    assertThat(first.getVariablesAsMap()).containsEntry("device", "a");

    client.newUpdateRetriesCommand(starts.get(1).getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob retried = activateOne(p + "-start");
    assertThat(retried.getKey()).isEqualTo(starts.get(1).getKey());
    client.newCompleteCommand(retried).send().join();
    assertThat(activateOne(p + "-push").getVariablesAsMap()).containsEntry("device", "b");
  }

  private String deployEventSubprocess(String p, String message) {
    deploy(
        Bpmn.createExecutableProcess(p)
            .eventSubProcess(
                "onAbort",
                e -> {
                  e.zeebeStartExecutionListener(p + "-esp-start")
                      .zeebeEndExecutionListener(p + "-esp-end");
                  e.startEvent("abortStart")
                      .interrupting(true)
                      .message(m -> m.name(message).zeebeCorrelationKeyExpression("rolloutId"))
                      .serviceTask("undo", t -> t.zeebeJobType(p + "-undo"))
                      .endEvent();
                })
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(p + "-work"))
            .endEvent()
            .done());
    return p;
  }

  private void abort(String message, String rolloutId) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(rolloutId)
        .variables(Map.of("why", "operator"))
        .send()
        .join();
  }

  @Test
  void anEventSubprocessRunsItsStartListenersWhenTriggeredAndItsEndListenersWhenDone() {
    String message = unique("abort");
    String p = deployEventSubprocess(unique("esp-listened"), message);
    long pi = start(p, Map.of("rolloutId", p)).getProcessInstanceKey();
    ActivatedJob work = activateOne(p + "-work");

    abort(message, p);
    ActivatedJob espStart = activateOne(p + "-esp-start");
    assertThat(espStart.getElementId()).isEqualTo("onAbort");
    assertThat(espStart.getListenerEventType()).isEqualTo(ListenerEventType.START);
    assertThat(activateNow(p + "-undo")).as("the start event waits for the listener").isEmpty();
    assertThatThrownBy(() -> client.newCompleteCommand(work).send().join())
        .as("the interrupting trigger ended the main flow first")
        .isInstanceOf(ProblemException.class);
    client.newCompleteCommand(espStart).variables(Map.of("audit", "on")).send().join();

    ActivatedJob undo = activateOne(p + "-undo");
    assertThat(undo.getVariablesAsMap())
        .containsEntry("why", "operator")
        .containsEntry("audit", "on");
    client.newCompleteCommand(undo).send().join();

    ActivatedJob espEnd = activateOne(p + "-esp-end");
    assertThat(espEnd.getElementId()).isEqualTo("onAbort");
    assertThat(espEnd.getListenerEventType()).isEqualTo(ListenerEventType.END);
    assertThat(client.newProcessInstanceGetRequest(pi).send().join().getEndDate())
        .as("the instance ends only after the end listener")
        .isNull();
    client.newCompleteCommand(espEnd).send().join();
    org.awaitility.Awaitility.await()
        .until(() -> client.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);
  }

  @Test
  void aFailedEventSubprocessListenerIsAnIncidentOnItAndRunsAgainAfterResolution() {
    String message = unique("abort");
    String p = deployEventSubprocess(unique("esp-failing"), message);
    long pi = start(p, Map.of("rolloutId", p)).getProcessInstanceKey();
    activateOne(p + "-work");
    abort(message, p);
    ActivatedJob espStart = activateOne(p + "-esp-start");
    client.newFailCommand(espStart).retries(0).errorMessage("audit down").send().join();

    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXECUTION_LISTENER_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("onAbort");
    assertThat(activateNow(p + "-undo")).isEmpty();

    client.newUpdateRetriesCommand(espStart.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCompleteCommand(activateOne(p + "-esp-start")).send().join();
    assertThat(activateOne(p + "-undo").getVariablesAsMap()).containsEntry("why", "operator");
  }
}
