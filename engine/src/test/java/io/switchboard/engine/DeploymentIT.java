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
    String badXml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(bad)
                .startEvent()
                .manualTask("paperwork")
                .endEvent()
                .done());

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
        .hasMessageContaining("manualTask");

    // atomic: the valid resource of the rejected deployment was not deployed either
    assertThatThrownBy(() -> start(good, java.util.Map.of()))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
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
