package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Execution listeners on tasks, as Zeebe runs them: jobs in model order, start listeners after the
 * input mappings and before the task's own job, end listeners after the output mappings and before
 * the next element; their failures are incidents that retry only the failed listener.
 */
class ExecutionListenerIT extends EngineIT {

  /** start → task (two start, one end listener, an input and an output mapping) → after → end. */
  private String deployListened(String p) {
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(p + "-task")
                        .zeebeInput("=7", "given")
                        .zeebeOutput("=result * 2", "doubled")
                        .zeebeStartExecutionListener(p + "-start-1")
                        .zeebeStartExecutionListener(p + "-start-2", "1")
                        .zeebeEndExecutionListener(p + "-end"))
            .serviceTask("after", t -> t.zeebeJobType(p + "-after"))
            .endEvent()
            .done());
    return p;
  }

  @Test
  void listenersRunInOrderAroundTheTaskWithZeebesVariableScopes() {
    String p = deployListened(unique("listened"));
    start(p, Map.of());

    assertThat(activateNow(p + "-task")).isEmpty(); // the task waits for its start listeners
    ActivatedJob start1 = activateOne(p + "-start-1");
    assertThat(start1.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
    assertThat(start1.getListenerEventType()).isEqualTo(ListenerEventType.START);
    assertThat(start1.getElementId()).isEqualTo("task");
    assertThat(start1.getVariablesAsMap()).containsEntry("given", 7); // after input mappings
    client.newCompleteCommand(start1).variables(Map.of("prepared", "yes")).send().join();
    var searched =
        client
            .newJobSearchRequest()
            .filter(f -> f.jobKey(start1.getKey()))
            .send()
            .join()
            .singleItem();
    assertThat(searched.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
    assertThat(searched.getListenerEventType()).isEqualTo(ListenerEventType.START);

    ActivatedJob start2 = activateOne(p + "-start-2");
    assertThat(start2.getRetries()).isEqualTo(1);
    assertThat(start2.getVariablesAsMap()).containsEntry("prepared", "yes");
    client.newCompleteCommand(start2).send().join();

    ActivatedJob task = activateOne(p + "-task");
    assertThat(task.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
    assertThat(task.getVariablesAsMap()).containsEntry("prepared", "yes");
    client.newCompleteCommand(task).variables(Map.of("result", 21)).send().join();

    ActivatedJob end = activateOne(p + "-end");
    assertThat(end.getListenerEventType()).isEqualTo(ListenerEventType.END);
    assertThat(end.getVariablesAsMap()).containsEntry("doubled", 42); // after output mappings
    assertThat(activateNow(p + "-after")).isEmpty(); // not left before the end listener
    client.newCompleteCommand(end).variables(Map.of("audited", true)).send().join();

    ActivatedJob after = activateOne(p + "-after");
    Map<String, Object> seen = after.getVariablesAsMap();
    assertThat(seen).containsEntry("audited", true).containsEntry("doubled", 42);
    // a start listener's variables were local to the task
    assertThat(seen).doesNotContainKeys("prepared", "given");
    client.newCompleteCommand(after).send().join();
  }

  @Test
  void aFailedListenerIsAnIncidentAndOnlyItRunsAgain() {
    String p = deployListened(unique("failing"));
    long pi = start(p, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(p + "-start-1")).send().join();
    ActivatedJob start2 = activateOne(p + "-start-2");
    client.newFailCommand(start2).retries(0).errorMessage("audit store down").send().join();

    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXECUTION_LISTENER_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("audit store down");
    assertThat(incident.getElementId()).isEqualTo("task");

    client.newUpdateRetriesCommand(start2.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    assertThat(activateOne(p + "-start-2").getKey()).isEqualTo(start2.getKey());
    assertThat(activateNow(p + "-start-1")).isEmpty(); // the completed listener does not rerun
  }

  @Test
  void aListenerTypeThatDoesNotEvaluateIsAnIncidentAndItsEventTypeRunsAgainFromTheFirst() {
    String p = unique("expr");
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(p + "-task")
                        .zeebeStartExecutionListener(p + "-a")
                        .zeebeStartExecutionListener("=kind"))
            .endEvent()
            .done());
    long pi = start(p, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(p + "-a")).send().join();
    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);

    client.newSetVariablesCommand(pi).variables(Map.of("kind", p + "-b")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCompleteCommand(activateOne(p + "-a")).send().join();
    client.newCompleteCommand(activateOne(p + "-b")).send().join();
    assertThat(activateOne(p + "-task").getElementId()).isEqualTo("task");
  }

  @Test
  void endListenersRunAfterACamundaUserTaskIsCompleted() {
    String p = unique("approval");
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent()
            .userTask("approve", t -> t.zeebeUserTask().zeebeEndExecutionListener(p + "-end"))
            .serviceTask("after", t -> t.zeebeJobType(p + "-after"))
            .endEvent()
            .done());
    long pi = start(p, Map.of()).getProcessInstanceKey();
    long taskKey =
        org.awaitility.Awaitility.await()
            .until(
                () ->
                    client
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(pi))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty())
            .get(0)
            .getUserTaskKey();
    client.newCompleteUserTaskCommand(taskKey).variables(Map.of("approved", true)).send().join();
    ActivatedJob end = activateOne(p + "-end");
    assertThat(end.getVariablesAsMap()).containsEntry("approved", true);
    assertThat(activateNow(p + "-after")).isEmpty();
    client.newCompleteCommand(end).send().join();
    assertThat(activateOne(p + "-after").getElementId()).isEqualTo("after");
  }

  @Test
  void aListenerJobCannotThrowABpmnError() {
    String p = deployListened(unique("thrower"));
    start(p, Map.of());
    ActivatedJob start1 = activateOne(p + "-start-1");
    assertThatThrownBy(() -> client.newThrowErrorCommand(start1).errorCode("x").send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409))
        .hasMessageContaining("execution listener");
  }

  @Test
  void cancellingTheInstanceCancelsThePendingListenerJob() {
    String p = deployListened(unique("cancelled"));
    long pi = start(p, Map.of()).getProcessInstanceKey();
    ActivatedJob start1 = activateOne(p + "-start-1");
    client.newCancelInstanceCommand(pi).send().join();
    assertThatThrownBy(() -> client.newCompleteCommand(start1).send().join())
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void listenersRunAroundAnEmbeddedSubprocessAndBeforeACallActivity() {
    String p = unique("scoped");
    String child = p + "-child";
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("inner-work", t -> t.zeebeJobType(child + "-work"))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent()
            .subProcess(
                "sub",
                sub ->
                    sub.zeebeStartExecutionListener(p + "-sub-start")
                        .zeebeEndExecutionListener(p + "-sub-end")
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("inside", t -> t.zeebeJobType(p + "-inside"))
                        .endEvent())
            .callActivity(
                "call", c -> c.zeebeProcessId(child).zeebeStartExecutionListener(p + "-call-start"))
            .endEvent()
            .done());
    start(p, Map.of());
    assertThat(activateNow(p + "-inside")).isEmpty();
    client.newCompleteCommand(activateOne(p + "-sub-start")).send().join();
    client.newCompleteCommand(activateOne(p + "-inside")).send().join();
    ActivatedJob subEnd = activateOne(p + "-sub-end");
    assertThat(subEnd.getElementId()).isEqualTo("sub");
    assertThat(activateNow(p + "-call-start")).isEmpty();
    client.newCompleteCommand(subEnd).send().join();
    assertThat(activateNow(child + "-work")).isEmpty();
    client.newCompleteCommand(activateOne(p + "-call-start")).send().join();
    assertThat(activateOne(child + "-work").getElementId()).isEqualTo("inner-work");
  }

  @Test
  void processListenersRunBeforeItsStartEventAndAfterItsLastElement() {
    String p = unique("process-listened");
    deploy(
        Bpmn.createExecutableProcess(p)
            .zeebeStartExecutionListener(p + "-start")
            .zeebeEndExecutionListener(p + "-end")
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(p + "-task"))
            .endEvent()
            .done());
    var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(p)
            .latestVersion()
            .variables(Map.of("order", 1))
            .withResult()
            .send();

    assertThat(activateNow(p + "-task")).isEmpty(); // the start event waits for the listener
    ActivatedJob start = activateOne(p + "-start");
    assertThat(start.getElementId()).isEqualTo(p);
    assertThat(start.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
    assertThat(start.getListenerEventType()).isEqualTo(ListenerEventType.START);
    assertThat(start.getVariablesAsMap()).containsEntry("order", 1);
    client.newCompleteCommand(start).variables(Map.of("prepared", "yes")).send().join();

    ActivatedJob task = activateOne(p + "-task");
    assertThat(task.getVariablesAsMap()).containsEntry("prepared", "yes");
    client.newCompleteCommand(task).variables(Map.of("done", true)).send().join();

    ActivatedJob end = activateOne(p + "-end");
    assertThat(end.getElementId()).isEqualTo(p);
    assertThat(end.getListenerEventType()).isEqualTo(ListenerEventType.END);
    assertThat(end.getVariablesAsMap()).containsEntry("done", true);
    assertThat(result.isDone()).isFalse(); // the instance ends only after its end listener
    client.newCompleteCommand(end).variables(Map.of("audited", true)).send().join();

    assertThat(result.join().getVariablesAsMap())
        .containsEntry("prepared", "yes")
        .containsEntry("audited", true);
  }

  @Test
  void aProcessStartListenerThatDoesNotEvaluateIsAnIncidentOnTheInstanceAndRunsAgain() {
    String p = unique("process-expr");
    deploy(
        Bpmn.createExecutableProcess(p)
            .zeebeStartExecutionListener("=kind")
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(p + "-task"))
            .endEvent()
            .done());
    long pi = start(p, Map.of()).getProcessInstanceKey();
    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo(p);

    client.newSetVariablesCommand(pi).variables(Map.of("kind", p + "-audit")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCompleteCommand(activateOne(p + "-audit")).send().join();
    assertThat(activateOne(p + "-task").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void startInstructionsOnAProcessWithStartListenersAreRefusedRatherThanSkippingThem() {
    String p = unique("process-instructed");
    deploy(
        Bpmn.createExecutableProcess(p)
            .zeebeStartExecutionListener(p + "-start")
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(p + "-task"))
            .endEvent()
            .done());
    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(p)
                    .latestVersion()
                    .startBeforeElement("task")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400))
        .hasMessageContaining("'" + p + "', which has start execution listeners");
  }

  @Test
  void listenersRunOnGatewaysAndEventsBeforeWhatTheyEvaluate() {
    String p = unique("gated");
    deploy(
        Bpmn.createExecutableProcess(p)
            .startEvent("begin")
            .zeebeEndExecutionListener(p + "-begin-end")
            .exclusiveGateway("gate")
            .zeebeStartExecutionListener(p + "-gate-start")
            .conditionExpression("= route = \"wait\"")
            .intermediateCatchEvent("wait", e -> e.timerWithDurationExpression("delay"))
            .zeebeStartExecutionListener(p + "-wait-start")
            .zeebeEndExecutionListener(p + "-wait-end")
            .endEvent("done")
            .zeebeStartExecutionListener(p + "-done-start")
            .zeebeEndExecutionListener(p + "-done-end")
            .moveToNode("gate")
            .conditionExpression("= route != \"wait\"")
            .endEvent("skipped")
            .done());
    var result =
        client.newCreateInstanceCommand().bpmnProcessId(p).latestVersion().withResult().send();

    ActivatedJob beginEnd = activateOne(p + "-begin-end");
    assertThat(beginEnd.getElementId()).isEqualTo("begin");
    client.newCompleteCommand(beginEnd).send().join();
    // the gateway decides on what its start listener sets
    ActivatedJob gateStart = activateOne(p + "-gate-start");
    assertThat(gateStart.getElementId()).isEqualTo("gate");
    client.newCompleteCommand(gateStart).variables(Map.of("route", "wait")).send().join();
    // the timer is evaluated after the event's start listener gave its duration
    ActivatedJob waitStart = activateOne(p + "-wait-start");
    client.newCompleteCommand(waitStart).variables(Map.of("delay", "PT0.2S")).send().join();
    ActivatedJob waitEnd = activateOne(p + "-wait-end");
    assertThat(waitEnd.getElementId()).isEqualTo("wait");
    client.newCompleteCommand(waitEnd).send().join();
    client.newCompleteCommand(activateOne(p + "-done-start")).send().join();
    ActivatedJob doneEnd = activateOne(p + "-done-end");
    assertThat(doneEnd.getElementId()).isEqualTo("done");
    client.newCompleteCommand(doneEnd).variables(Map.of("closed", true)).send().join();

    // start listener variables are local to their element (the gateway, the event), as in Zeebe
    assertThat(result.join().getVariablesAsMap())
        .containsEntry("closed", true)
        .doesNotContainKeys("route", "delay");
  }

  @Test
  void startListenersOnAnEventAfterAnEventBasedGatewayAreRefused() {
    String p = unique("raced");
    assertThatThrownBy(
            () ->
                deploy(
                    Bpmn.createExecutableProcess(p)
                        .startEvent()
                        .eventBasedGateway("race")
                        .intermediateCatchEvent("late", e -> e.timerWithDuration("PT1H"))
                        .zeebeStartExecutionListener("audit")
                        .endEvent()
                        .moveToNode("race")
                        .intermediateCatchEvent(
                            "paid",
                            e -> e.message(m -> m.name("paid").zeebeCorrelationKeyExpression("id")))
                        .endEvent()
                        .done()))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("element 'late' of type 'intermediateCatchEvent'")
        .hasMessageContaining("zeebe:executionListeners")
        .hasMessageContaining("after an event-based gateway");
  }
}
