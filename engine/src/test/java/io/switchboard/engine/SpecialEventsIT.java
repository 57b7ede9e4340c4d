package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecialEventsIT extends EngineIT {

  @Test
  void scriptTaskEvaluatesFeelIntoItsResultVariable() {
    String id = unique("script");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask(
                "mask", s -> s.zeebeExpression("sum(prefixes)").zeebeResultVariable("total"))
            .endEvent()
            .done());
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("prefixes", List.of(1, 2, 3)))
            .withResult()
            .send()
            .join();
    assertThat(result.getVariablesAsMap()).containsEntry("total", 6);
  }

  @Test
  void jobBasedUserTaskCarriesAssigneeAndCandidateGroupsAsHeaders() {
    String id = unique("approval");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "approve",
                u -> u.zeebeAssigneeExpression("requester").zeebeCandidateGroups("noc, ops"))
            .endEvent()
            .done());
    long pi = start(id, Map.of("requester", "alice")).getProcessInstanceKey();
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType("io.camunda.zeebe:userTask")
            .maxJobsToActivate(10)
            .send()
            .join()
            .getJobs()
            .stream()
            .filter(j -> j.getProcessInstanceKey() == pi)
            .findFirst()
            .orElseThrow();
    assertThat(job.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:assignee", "alice")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"noc\",\"ops\"]");
  }

  @Test
  void linkThrowContinuesAtTheCatchWithTheSameName() {
    String id = unique("link");
    String type = unique("t");
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="t">
          <process id="%s" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="goTo"/>
            <intermediateThrowEvent id="goTo"><linkEventDefinition name="retry"/></intermediateThrowEvent>
            <intermediateCatchEvent id="landing"><linkEventDefinition name="retry"/></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="landing" targetRef="after"/>
            <serviceTask id="after"><extensionElements><zeebe:taskDefinition type="%s"/></extensionElements></serviceTask>
            <sequenceFlow id="f3" sourceRef="after" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .formatted(id, type);
    client
        .newDeployResourceCommand()
        .addResourceString(xml, java.nio.charset.StandardCharsets.UTF_8, "link.bpmn")
        .send()
        .join();
    long pi = start(id, Map.of()).getProcessInstanceKey();
    assertThat(activateOne(type).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void escalationFromASubprocessIsCaughtWithoutInterrupting() {
    String id = unique("escalation");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("rollout")
            .embeddedSubProcess()
            .startEvent()
            .intermediateThrowEvent("slowSite")
            .escalation("SLOW")
            .serviceTask("continue", t -> t.zeebeJobType(type + "-continue"))
            .endEvent()
            .subProcessDone()
            .boundaryEvent("notify", b -> b.escalation("SLOW").cancelActivity(false))
            .serviceTask("page", t -> t.zeebeJobType(type + "-page"))
            .endEvent()
            .moveToActivity("rollout")
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    assertThat(activateOne(type + "-page").getProcessInstanceKey()).isEqualTo(pi);
    assertThat(activateOne(type + "-continue").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void uncaughtEscalationJustContinues() {
    String id = unique("escalation-uncaught");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateThrowEvent("shout")
            .escalation("NOBODY")
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    assertThat(activateOne(type).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void compensationThrowRunsTheHandlersOfCompletedActivitiesThenContinues() {
    String id = unique("compensation");
    String type = unique("t");
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="t">
          <process id="%1$s" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="configureSiteA"/>
            <serviceTask id="configureSiteA"><extensionElements><zeebe:taskDefinition type="%2$s-configure"/></extensionElements></serviceTask>
            <boundaryEvent id="undoA" attachedToRef="configureSiteA"><compensateEventDefinition/></boundaryEvent>
            <serviceTask id="unconfigureA" isForCompensation="true"><extensionElements><zeebe:taskDefinition type="%2$s-undo"/></extensionElements></serviceTask>
            <sequenceFlow id="f2" sourceRef="configureSiteA" targetRef="verify"/>
            <serviceTask id="verify"><extensionElements><zeebe:taskDefinition type="%2$s-verify"/></extensionElements></serviceTask>
            <sequenceFlow id="f3" sourceRef="verify" targetRef="rollback"/>
            <intermediateThrowEvent id="rollback"><compensateEventDefinition/></intermediateThrowEvent>
            <sequenceFlow id="f4" sourceRef="rollback" targetRef="report"/>
            <serviceTask id="report"><extensionElements><zeebe:taskDefinition type="%2$s-report"/></extensionElements></serviceTask>
            <sequenceFlow id="f5" sourceRef="report" targetRef="end"/>
            <endEvent id="end"/>
            <association id="a1" associationDirection="One" sourceRef="undoA" targetRef="unconfigureA"/>
          </process>
        </definitions>
        """
            .formatted(id, type);
    client
        .newDeployResourceCommand()
        .addResourceString(xml, java.nio.charset.StandardCharsets.UTF_8, "comp.bpmn")
        .send()
        .join();
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(type + "-configure")).send().join();
    client.newCompleteCommand(activateOne(type + "-verify")).send().join();

    ActivatedJob undo = activateOne(type + "-undo");
    assertThat(undo.getElementId()).isEqualTo("unconfigureA");
    assertThat(activateNow(type + "-report")).as("the throw waits for its handlers").isEmpty();
    client.newCompleteCommand(undo).send().join();
    assertThat(activateOne(type + "-report").getProcessInstanceKey()).isEqualTo(pi);
  }
}
