package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.api.operation.ProcessProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an operation reads back of its process: the process-level outcome, however many scopes. */
class ProcessProgressIT extends ApiIT {
  @Autowired CamundaClient camunda;
  @Autowired ProcessProgress progress;

  @Test
  void theProcessLevelResultIsReadEvenBehindAPageOfInnerScopesWithTheSameNames() {
    String process = unique("many-devices");
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(process)
                .startEvent()
                .scriptTask(
                    "eachDevice",
                    t ->
                        t.zeebeExpression("=1")
                            .zeebeResultVariable("deviceResult")
                            .zeebeInputExpression(
                                "=\"device \" + string(n) + \" refused\"", "failureReason")
                            .multiInstance(
                                m ->
                                    m.zeebeInputCollectionExpression("=for i in 1..250 return i")
                                        .zeebeInputElement("n")
                                        .parallel()))
                .scriptTask(
                    "outcome",
                    t -> t.zeebeExpression("=\"COMPLETED\"").zeebeResultVariable("operationResult"))
                .endEvent()
                .done(),
            "many.bpmn")
        .send()
        .join();

    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(process)
            .latestVersion()
            .withResult()
            .send()
            .join()
            .getProcessInstanceKey();

    Map<String, String> read = progress.variables(key, List.of("operationResult", "failureReason"));
    assertThat(read).containsEntry("operationResult", "\"COMPLETED\"");
    // no process-level failure reason: an inner scope's value is what there is
    assertThat(read.get("failureReason")).matches("\"device \\d+ refused\"");
  }
}
