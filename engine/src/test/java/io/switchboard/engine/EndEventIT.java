package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndEventIT extends EngineIT {

  @Test
  void terminateEndEventEndsTheInstanceAndItsOtherBranches() {
    String id = unique("terminate");
    String type = unique("slow");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType(type))
            .endEvent()
            .moveToNode("fork")
            .endEvent("abort", e -> e.terminate())
            .done());

    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("x", 1))
            .withResult()
            .send()
            .join();

    assertThat(result.getVariablesAsMap()).containsEntry("x", 1);
    assertThat(activateNow(type)).as("the other branch's job was cancelled").isEmpty();
  }

  @Test
  void errorEndEventInsideASubprocessIsCaughtByTheSubprocessBoundary() {
    String id = unique("error-end");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("attempt")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType(type + "-check"))
            .endEvent("failed", e -> e.error("CHECK_FAILED"))
            .subProcessDone()
            .boundaryEvent("onFailure", b -> b.error("CHECK_FAILED"))
            .serviceTask("handle", t -> t.zeebeJobType(type + "-handle"))
            .endEvent()
            .moveToActivity("attempt")
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(type + "-check")).send().join();
    assertThat(activateOne(type + "-handle").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void uncaughtErrorEndEventRaisesAnIncident() {
    String id = unique("error-end-uncaught");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .endEvent("failed", e -> e.error("UNCAUGHT"))
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    assertThat(awaitIncident(pi).getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
  }

  @Test
  void embeddedSubprocessCompletesThenTheProcessContinues() {
    String id = unique("sub");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(type + "-inner"))
            .endEvent()
            .subProcessDone()
            .serviceTask("outer", t -> t.zeebeJobType(type + "-outer"))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client
        .newCompleteCommand(activateOne(type + "-inner"))
        .variables(Map.of("inner", "done"))
        .send()
        .join();
    ActivatedJob outer = activateOne(type + "-outer");
    assertThat(outer.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(outer.getVariablesAsMap()).containsEntry("inner", "done");
  }

  @Test
  void cancellingAnInstanceWithIncidentResolvesNothingButRemovesIt() {
    String id = unique("cancel-incident");
    deploy(
        Bpmn.createExecutableProcess(id).startEvent().endEvent("failed", e -> e.error("X")).done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    var incident = awaitIncident(pi);
    client.newCancelInstanceCommand(pi).send().join();
    assertThatThrownBy(
            () -> client.newResolveIncidentCommand(incident.getIncidentKey()).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
