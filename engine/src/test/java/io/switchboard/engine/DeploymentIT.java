package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeploymentIT extends EngineIT {

  private static String simple(String id, String jobType) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", s -> s.zeebeJobType(jobType))
            .endEvent()
            .done());
  }

  private DeploymentEvent deployXml(String name, String xml) {
    return client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, name)
        .send()
        .join();
  }

  @Test
  void sameContentKeepsVersionAndKeyChangedContentGetsNextVersion() {
    String id = unique("versions");
    String xml = simple(id, "x");
    Process first = deployXml("a.bpmn", xml).getProcesses().get(0);
    Process again = deployXml("a.bpmn", xml).getProcesses().get(0);
    Process changed = deployXml("a.bpmn", simple(id, "y")).getProcesses().get(0);

    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
    assertThat(changed.getVersion()).isEqualTo(2);
    assertThat(changed.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
    assertThat(changed.getBpmnProcessId()).isEqualTo(id);
  }

  @Test
  void deploysSeveralResourcesAtOnce() {
    String a = unique("multi-a");
    String b = unique("multi-b");
    DeploymentEvent event =
        client
            .newDeployResourceCommand()
            .addResourceString(simple(a, "x"), StandardCharsets.UTF_8, "a.bpmn")
            .addResourceString(simple(b, "x"), StandardCharsets.UTF_8, "b.bpmn")
            .send()
            .join();
    assertThat(event.getProcesses())
        .extracting(Process::getBpmnProcessId)
        .containsExactlyInAnyOrder(a, b);
    assertThat(event.getKey()).isPositive();
  }

  @Test
  void unsupportedElementRejectsTheWholeDeploymentNamingElementIdAndType() {
    String good = unique("good");
    String bad = unique("bad");
    // a complex gateway: neither Zeebe nor this engine executes it
    String badXml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="paperwork" />
            <bpmn:complexGateway id="paperwork" />
            <bpmn:sequenceFlow id="f2" sourceRef="paperwork" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(bad);

    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString(simple(good, "x"), StandardCharsets.UTF_8, "good.bpmn")
                    .addResourceString(badXml, StandardCharsets.UTF_8, "bad.bpmn")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400))
        .hasMessageContaining("'paperwork'")
        .hasMessageContaining("complexGateway");

    // atomic: the valid resource of the rejected deployment was not deployed either
    assertThatThrownBy(() -> start(good, java.util.Map.of()))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void manualAndUndefinedTasksPassThroughAsInZeebe() {
    String id = unique("pass-through");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .manualTask("sign")
            .zeebeOutputExpression("\"signed\"", "paper")
            .task("note")
            .endEvent()
            .done());
    long pi = start(id, java.util.Map.of()).getProcessInstanceKey();

    org.awaitility.Awaitility.await()
        .until(() -> client.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(pi))
                .send()
                .join()
                .items())
        .extracting(e -> e.getElementId() + ":" + e.getType() + ":" + e.getState())
        .contains("sign:MANUAL_TASK:COMPLETED", "note:TASK:COMPLETED");
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(pi).name("paper"))
                .send()
                .join()
                .items())
        .extracting(v -> v.getValue())
        .containsExactly("\"signed\"");
  }

  @Test
  void malformedXmlIsRefused() {
    assertThatThrownBy(() -> deployXml("broken.bpmn", "<definitions><process id='p'"))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400))
        .hasMessageContaining("broken.bpmn");
  }

  @Test
  void serviceTaskWithoutJobTypeIsRefusedNamingTheElement() {
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(unique("no-type"))
                .startEvent()
                .serviceTask("untyped")
                .endEvent()
                .done());
    assertThatThrownBy(() -> deployXml("untyped.bpmn", xml))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("untyped");
  }
}
