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
                .serviceTask("task", t -> t.zeebeJobType("work"))
                // end listeners on a terminate end event are refused (it ends its scope at once)
                .endEvent("end", e -> e.terminate().zeebeEndExecutionListener("audit"))
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
