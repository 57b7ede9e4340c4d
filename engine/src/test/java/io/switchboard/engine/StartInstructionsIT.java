package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Creating an instance with start instructions ({@code startBeforeElement}), as Zeebe does. */
class StartInstructionsIT extends EngineIT {

  private AbstractThrowableAssert<?, ? extends Throwable> refusedStart(String id, String element) {
    return assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(id)
                    .latestVersion()
                    .startBeforeElement(element)
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400));
  }

  @Test
  void startsBeforeTheNamedElementsInsteadOfTheStartEvent() {
    String id = unique("start-before");
    String type = unique("task");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("first", t -> t.zeebeJobType(type + "-first"))
            .serviceTask("second", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long pi =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("site", "PAR-1"))
            .startBeforeElement("second")
            .send()
            .join()
            .getProcessInstanceKey();

    ActivatedJob job = activateOne(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(job.getVariablesAsMap()).containsEntry("site", "PAR-1");
    assertThat(activateNow(type + "-first")).as("the start event did not run").isEmpty();
    client.newCompleteCommand(job).send().join();
  }

  @Test
  void anElementInsideASubprocessGetsItsSubprocessAndTwoInstructionsShareIt() {
    String id = unique("start-in-sub");
    String type = unique("inner");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("before", t -> t.zeebeJobType(type + "-before"))
                        .parallelGateway("fork")
                        .serviceTask("a", t -> t.zeebeJobType(type))
                        .endEvent()
                        .moveToNode("fork")
                        .serviceTask("b", t -> t.zeebeJobType(type))
                        .endEvent())
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .done());
    long pi =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .startBeforeElement("a")
            .startBeforeElement("b")
            .send()
            .join()
            .getProcessInstanceKey();

    var jobs = activate(type, 2);
    assertThat(jobs).hasSize(2);
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(pi).elementId("sub"))
                .send()
                .join()
                .items())
        .hasSize(1);
    jobs.forEach(j -> client.newCompleteCommand(j).send().join());
    assertThat(activateOne(type + "-after").getProcessInstanceKey())
        .as("the subprocess completes and the instance moves on")
        .isEqualTo(pi);
    assertThat(activateNow(type + "-before")).isEmpty();
  }

  @Test
  void refusesWhatZeebeRefuses() {
    String id = unique("start-refused");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .serviceTask("task", t -> t.zeebeJobType("x"))
            .boundaryEvent("late", b -> b.timerWithDuration("PT1H"))
            .endEvent()
            .moveToActivity("task")
            .eventBasedGateway("choice")
            .intermediateCatchEvent("tick", e -> e.timerWithDuration("PT1M"))
            .endEvent()
            .moveToNode("choice")
            .intermediateCatchEvent("tock", e -> e.timerWithDuration("PT2M"))
            .subProcess(
                "each",
                s ->
                    s.multiInstance(m -> m.zeebeInputCollectionExpression("[1,2]"))
                        .embeddedSubProcess()
                        .startEvent()
                        .manualTask("inEach")
                        .endEvent())
            .endEvent()
            .done();
    deploy(model);

    refusedStart(id, "missing").hasMessageContaining("no element found with id 'missing'");
    refusedStart(id, "start").hasMessageContaining("unsupported element type 'START_EVENT'");
    refusedStart(id, "late").hasMessageContaining("unsupported element type 'BOUNDARY_EVENT'");
    refusedStart(id, "inEach").hasMessageContaining("inside a multi-instance subprocess");
    refusedStart(id, "tick").hasMessageContaining("belongs to an event-based gateway");
  }

  @Test
  void anEventSubprocessStartIsRefused() {
    String id = unique("start-event-sub");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "onCancel",
                e ->
                    e.startEvent("cancelStart")
                        .message(m -> m.name("cancel").zeebeCorrelationKeyExpression("id"))
                        .endEvent())
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType("x"))
            .endEvent()
            .done());
    refusedStart(id, "cancelStart")
        .hasMessageContaining("'cancelStart' targets unsupported element type 'START_EVENT'");
  }

  @Test
  void anElementInsideASubprocessWithStartListenersIsRefused() {
    String id = unique("start-listened");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.zeebeStartExecutionListener("audit")
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("inner", t -> t.zeebeJobType("x"))
                        .endEvent())
            .endEvent()
            .done());
    refusedStart(id, "inner").hasMessageContaining("'sub', which has start execution listeners");
  }

  @Test
  void runtimeInstructionsStayRefused() {
    String id = unique("runtime");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType("x"))
            .endEvent()
            .done());
    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(id)
                    .latestVersion()
                    .terminateAfterElement("task")
                    .send()
                    .join())
        .hasMessageContaining("runtimeInstructions");
  }
}
