package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /process-definitions/search}, {@code GET /process-definitions/{key}} and its XML. */
class ProcessDefinitionSearchIT extends EngineIT {

  private BpmnModelInstance model(String id, String tag) {
    return Bpmn.createExecutableProcess(id)
        .name("Site rollout")
        .versionTag(tag)
        .startEvent()
        .endEvent()
        .done();
  }

  @Test
  void versionsAreSearchableSortedAndTheLatestOnly() {
    String id = unique("defs");
    deploy(model(id, "v1"));
    deploy(model(id, "v2"));

    List<ProcessDefinition> all =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.version().desc())
            .send()
            .join()
            .items();
    ProcessDefinition latest =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(id).isLatestVersion(true))
            .send()
            .join()
            .singleItem();

    assertThat(all).extracting(ProcessDefinition::getVersion).containsExactly(2, 1);
    assertThat(all).extracting(ProcessDefinition::getVersionTag).containsExactly("v2", "v1");
    assertThat(all)
        .allSatisfy(
            d -> {
              assertThat(d.getName()).isEqualTo("Site rollout");
              assertThat(d.getResourceName()).isEqualTo("process.bpmn");
              assertThat(d.getTenantId()).isEqualTo("<default>");
            });
    assertThat(latest.getVersion()).isEqualTo(2);
  }

  @Test
  void getByKeyAndTheXmlAsDeployed() {
    String id = unique("def-xml");
    BpmnModelInstance model = model(id, "1.0");
    long key = deploy(model).getProcesses().get(0).getProcessDefinitionKey();

    ProcessDefinition definition = client.newProcessDefinitionGetRequest(key).send().join();
    String xml = client.newProcessDefinitionGetXmlRequest(key).send().join();

    assertThat(definition.getProcessDefinitionId()).isEqualTo(id);
    assertThat(definition.getVersionTag()).isEqualTo("1.0");
    assertThat(xml).isEqualTo(Bpmn.convertToString(model));
    assertThatThrownBy(
            () -> client.newProcessDefinitionGetXmlRequest(key + 1_000_000).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    assertThatThrownBy(() -> client.newProcessDefinitionGetRequest(key + 1_000_000).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
