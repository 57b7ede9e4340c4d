package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted and ignored (DESIGN.md §3): every element, attribute and command option the
 * engine does not execute is refused with 400, naming element id, type and attribute or the
 * command's field; Zeebe's own design-time validators run first.
 */
class NothingIgnoredIT extends EngineIT {

  private static final String SERVICE_TASK =
      "<bpmn:serviceTask id=\"task\"><bpmn:extensionElements><zeebe:taskDefinition type=\"x\" />"
          + "</bpmn:extensionElements></bpmn:serviceTask>";

  /** A process {@code id} whose body (between start and end) is {@code elements}. */
  private static String process(String id, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
            %s
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(id, elements);
  }

  private void deployXml(String xml) {
    client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, "p.bpmn")
        .send()
        .join();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Runnable call) {
    return assertThatThrownBy(call::run)
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400));
  }

  @Test
  void endListenersOnATerminateEndEventAreRefused() {
    String id = unique("terminate-listeners");
    String xml =
        process(id, SERVICE_TASK)
            .replace(
                "<bpmn:endEvent id=\"end\"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>",
                "<bpmn:endEvent id=\"end\"><bpmn:extensionElements><zeebe:executionListeners>"
                    + "<zeebe:executionListener eventType=\"end\" type=\"audit\" />"
                    + "</zeebe:executionListeners></bpmn:extensionElements>"
                    + "<bpmn:incoming>f2</bpmn:incoming><bpmn:terminateEventDefinition />"
                    + "</bpmn:endEvent>");
    assertRefused(() -> deployXml(xml))
        .hasMessageContaining("element 'end' of type 'endEvent'")
        .hasMessageContaining("zeebe:executionListeners")
        .hasMessageContaining("terminate end events");
  }

  private static final String LISTENERS =
      "<extensionElements><zeebe:executionListeners>"
          + "<zeebe:executionListener eventType=\"%s\" type=\"audit\" />"
          + "</zeebe:executionListeners></extensionElements>";

  @Test
  void endListenersOnALinkThrowEventAreRefused() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="t">
          <process id="%s" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="goTo"/>
            <intermediateThrowEvent id="goTo">%s<linkEventDefinition name="retry"/></intermediateThrowEvent>
            <intermediateCatchEvent id="landing"><linkEventDefinition name="retry"/></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="landing" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .formatted(unique("link-listeners"), LISTENERS.formatted("end"));
    assertRefused(() -> deployXml(xml))
        .hasMessageContaining("element 'goTo' of type 'intermediateThrowEvent'")
        .hasMessageContaining("zeebe:executionListeners")
        .hasMessageContaining("link throw events");
  }

  @Test
  void executionListenersOnACompensationThrowEventAreRefused() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="t">
          <process id="%s" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="configure"/>
            <serviceTask id="configure"><extensionElements><zeebe:taskDefinition type="configure"/></extensionElements></serviceTask>
            <boundaryEvent id="undo" attachedToRef="configure"><compensateEventDefinition/></boundaryEvent>
            <serviceTask id="unconfigure" isForCompensation="true"><extensionElements><zeebe:taskDefinition type="unconfigure"/></extensionElements></serviceTask>
            <sequenceFlow id="f2" sourceRef="configure" targetRef="rollback"/>
            <intermediateThrowEvent id="rollback">%s<compensateEventDefinition/></intermediateThrowEvent>
            <sequenceFlow id="f3" sourceRef="rollback" targetRef="end"/>
            <endEvent id="end"/>
            <association id="a1" associationDirection="One" sourceRef="undo" targetRef="unconfigure"/>
          </process>
        </definitions>
        """
            .formatted(unique("compensation-listeners"), LISTENERS.formatted("start"));
    assertRefused(() -> deployXml(xml))
        .hasMessageContaining("element 'rollback' of type 'intermediateThrowEvent'")
        .hasMessageContaining("zeebe:executionListeners")
        .hasMessageContaining("compensation throw events");
  }

  @Test
  void linkedFormOnAJobBasedUserTaskIsRefusedNamingFormId() {
    String xml =
        process(
            unique("linked-form"),
            """
            <bpmn:userTask id="task">
              <bpmn:extensionElements>
                <zeebe:formDefinition formId="approval-form" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            """);
    assertRefused(() -> deployXml(xml))
        .hasMessageContaining("element 'task' of type 'userTask'")
        .hasMessageContaining("zeebe:formDefinition formId");
  }

  @Test
  void aStartFormIsRefusedBecauseNoTasklistServesIt() {
    String id = unique("start-form");
    String xml =
        process(id, SERVICE_TASK)
            .replace(
                "<bpmn:startEvent id=\"start\">",
                "<bpmn:startEvent id=\"start\"><bpmn:extensionElements>"
                    + "<zeebe:formDefinition formId=\"start-form\" />"
                    + "</bpmn:extensionElements>");
    assertRefused(() -> deployXml(xml))
        .hasMessageContaining("element 'start' of type 'startEvent'")
        .hasMessageContaining("zeebe:formDefinition");
  }

  @Test
  void adHocSubprocessIsRefusedAsUnsupportedNotForAMissingStartEvent() {
    String xml =
        process(
            unique("ad-hoc"),
            """
            <bpmn:adHocSubProcess id="task">
              <bpmn:serviceTask id="inner">
                <bpmn:extensionElements><zeebe:taskDefinition type="x" /></bpmn:extensionElements>
              </bpmn:serviceTask>
            </bpmn:adHocSubProcess>
            """);
    assertRefused(() -> deployXml(xml))
        .hasMessageContaining("element 'task' of type 'adHocSubProcess'")
        .hasMessageContaining("not supported by this engine")
        .hasMessageNotContaining("none start event");
  }

  @Test
  void zeebeDesignTimeValidatorsRefuseWhatZeebeRefuses() {
    // two none start events: our transformer alone would have taken the last one
    String twoStarts =
        process(unique("two-starts"), SERVICE_TASK)
            .replace(
                "<bpmn:endEvent id=\"end\">",
                "<bpmn:startEvent id=\"second\" /><bpmn:endEvent id=\"end\">");
    assertRefused(() -> deployXml(twoStarts))
        .hasMessageContaining("Multiple none start events are not allowed");
  }

  @Test
  void dataObjectsOnlyDocumentTheDiagramAndDeploy() {
    String id = unique("data");
    deployXml(
        process(
            id,
            """
            <bpmn:serviceTask id="task">
              <bpmn:extensionElements><zeebe:taskDefinition type="x" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:dataObjectReference id="ref" dataObjectRef="obj" />
            <bpmn:dataObject id="obj" />
            <bpmn:dataStoreReference id="store" />
            """));
    assertThat(start(id, Map.of()).getProcessInstanceKey()).isPositive();
  }

  @Test
  void jobBasedUserTaskHandsFormKeyAndScheduleToTheWorkerAsZeebeHeaders() {
    String id = unique("job-user-task");
    deployXml(
        process(
            id,
            """
            <bpmn:userTask id="task">
              <bpmn:extensionElements>
                <zeebe:formDefinition formKey="camunda-forms:bpmn:approve" />
                <zeebe:taskSchedule dueDate="2030-01-01T10:00:00Z" followUpDate="2029-12-30T10:00:00Z" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            """));
    start(id, Map.of());
    ActivatedJob job =
        org.awaitility.Awaitility.await()
            .until(
                () -> activate("io.camunda.zeebe:userTask", 10),
                jobs -> jobs.stream().anyMatch(j -> j.getBpmnProcessId().equals(id)))
            .stream()
            .filter(j -> j.getBpmnProcessId().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(job.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:formKey", "camunda-forms:bpmn:approve")
        .containsEntry("io.camunda.zeebe:dueDate", "2030-01-01T10:00:00Z")
        .containsEntry("io.camunda.zeebe:followUpDate", "2029-12-30T10:00:00Z");
  }

  @Test
  void runtimeInstructionsOnCreationAreRefusedNamingTheField() {
    String id = unique("runtime-instructions");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", s -> s.zeebeJobType("x"))
            .endEvent()
            .done());
    assertRefused(
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

  @Test
  void jobCompletionWithAResultIsRefusedNamingTheFieldAndLeavesTheJobActive() {
    String id = unique("job-result");
    String type = unique("result-type");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", s -> s.zeebeJobType(type))
            .endEvent()
            .done());
    start(id, Map.of());
    ActivatedJob job =
        org.awaitility.Awaitility.await()
            .until(() -> activate(type, 1), jobs -> !jobs.isEmpty())
            .get(0);
    assertRefused(
            () ->
                client
                    .newCompleteCommand(job)
                    .withResult(r -> r.forUserTask().deny(true))
                    .send()
                    .join())
        .hasMessageContaining("'result'");
    // the refused completion did nothing: the job still completes normally
    client.newCompleteCommand(job).send().join();
  }
}
