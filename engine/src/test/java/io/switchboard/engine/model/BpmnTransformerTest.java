package io.switchboard.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.engine.transform.BpmnTransformer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BpmnTransformerTest {
  private final BpmnTransformer transformer = new BpmnTransformer();

  private static byte[] withExecutionListener() {
    return Bpmn.convertToString(
            Bpmn.createExecutableProcess("listened")
                .startEvent()
                .exclusiveGateway("gateway")
                .zeebeStartExecutionListener("audit")
                .serviceTask("task", t -> t.zeebeJobType("work"))
                .endEvent()
                .done())
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDeploymentWithAnUnexecutedExtensionIsRefused() {
    assertThatThrownBy(() -> transformer.transform("p.bpmn", withExecutionListener()))
        .isInstanceOf(DeploymentRejectedException.class)
        .hasMessageContaining("zeebe:executionListeners");
  }

  @Test
  void aResourceStoredBeforeTheRuleExistedStillLoadsSoTheEngineCanStart() {
    assertThat(transformer.transformStored("p.bpmn", withExecutionListener()))
        .extracting(ProcessModel::processId)
        .containsExactly("listened");
  }
}
