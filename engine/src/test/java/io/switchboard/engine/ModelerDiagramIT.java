package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A diagram as Camunda Modeler 8.8 saves it (diagram interchange, modeler attributes) with a
 * business rule task calling a DMN decision, a Camunda user task and execution listeners deploys
 * with its DMN in one deployment and runs end to end.
 */
class ModelerDiagramIT extends EngineIT {

  private static String resource(String name, String id) throws IOException {
    try (InputStream in = ModelerDiagramIT.class.getResourceAsStream("/modeler/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{id}", id);
    }
  }

  @Test
  void aModeler88DiagramWithDecisionUserTaskAndListenersRuns() throws Exception {
    String id = unique("m").replace("-", "");
    client
        .newDeployResourceCommand()
        .addResourceString(resource("approval-8.8.bpmn", id), StandardCharsets.UTF_8, "a.bpmn")
        .addResourceString(resource("risk.dmn", id), StandardCharsets.UTF_8, "risk.dmn")
        .send()
        .join();
    long pi =
        start("approval-" + id, Map.of("deviceCount", 3, "siteType", "hub"))
            .getProcessInstanceKey();

    UserTask task =
        Awaitility.await()
            .until(
                () ->
                    client
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(pi))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty())
            .get(0);
    assertThat(task.getCandidateGroups()).containsExactly("operators");
    assertThat(task.getPriority()).isEqualTo(90); // risk "high" from the decision
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();

    client.newCompleteCommand(activateOne("audit-start-" + id)).send().join();
    ActivatedJob upgrade = activateOne("upgrade-" + id);
    assertThat(upgrade.getVariablesAsMap()).containsEntry("risk", "high");
    client.newCompleteCommand(upgrade).send().join();
    client.newCompleteCommand(activateOne("audit-end-" + id)).send().join();

    Awaitility.await()
        .until(
            () -> client.newProcessInstanceGetRequest(pi).send().join().getState().name(),
            "COMPLETED"::equals);
  }
}
