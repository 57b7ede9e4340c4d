package io.switchboard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.engine.transform.BpmnTransformer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BpmnTransformerTest {
  private final BpmnTransformer transformer = new BpmnTransformer();

  private static byte[] withUnexecutedListener() {
    return Bpmn.convertToString(
            Bpmn.createExecutableProcess("listened")
                .startEvent()
                .serviceTask(
                    "task",
                    t ->
                        t.zeebeJobType("work")
                            .zeebeStartExecutionListener("audit")
                            .multiInstance(m -> m.zeebeInputCollectionExpression("[1, 2]")))
                .endEvent()
                .done())
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDeploymentWithAnUnexecutedExtensionIsRefused() {
    assertThatThrownBy(() -> transformer.transform("p.bpmn", withUnexecutedListener()))
        .isInstanceOf(DeploymentRejectedException.class)
        .hasMessageContaining("zeebe:executionListeners");
  }

  @Test
  void aResourceStoredBeforeTheRuleExistedStillLoadsSoTheEngineCanStart() {
    assertThat(transformer.transformStored("p.bpmn", withUnexecutedListener()))
        .extracting(ProcessModel::processId)
        .containsExactly("listened");
  }
}
