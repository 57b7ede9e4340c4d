package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoreGatewaysIT extends EngineIT {

  @Test
  void inclusiveGatewayForksEveryTrueBranchAndJoinsThem() {
    String id = unique("or");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("= list contains(features, \"sdwan\")")
            .serviceTask("sdwan", t -> t.zeebeJobType(type))
            .inclusiveGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .moveToNode("fork")
            .conditionExpression("= list contains(features, \"ngfw\")")
            .serviceTask("ngfw", t -> t.zeebeJobType(type))
            .connectTo("join")
            .moveToNode("fork")
            .conditionExpression("= list contains(features, \"vnf\")")
            .serviceTask("vnf", t -> t.zeebeJobType(type))
            .connectTo("join")
            .done());
    long pi = start(id, Map.of("features", List.of("sdwan", "vnf"))).getProcessInstanceKey();

    List<ActivatedJob> branches = activate(type, 10);
    assertThat(branches)
        .extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("sdwan", "vnf");
    client.newCompleteCommand(branches.get(0)).send().join();
    assertThat(activateNow(type + "-after")).as("join waits for the other taken branch").isEmpty();
    client.newCompleteCommand(branches.get(1)).send().join();
    assertThat(activateOne(type + "-after").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void eventBasedGatewayTakesTheFirstEventAndDropsTheOthers() {
    String id = unique("race");
    String message = unique("device-back");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .eventBasedGateway("race")
            .intermediateCatchEvent("back")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("serial"))
            .serviceTask("verify", t -> t.zeebeJobType(type + "-verify"))
            .endEvent()
            .moveToNode("race")
            .intermediateCatchEvent("timeout")
            .timerWithDuration("PT1S")
            .serviceTask("rollback", t -> t.zeebeJobType(type + "-rollback"))
            .endEvent()
            .done());
    long fast = start(id, Map.of("serial", "SN-1")).getProcessInstanceKey();
    long slow = start(id, Map.of("serial", "SN-2")).getProcessInstanceKey();

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("SN-1")
        .variables(Map.of("version", "23.4"))
        .send()
        .join();

    ActivatedJob verify = activateOne(type + "-verify");
    assertThat(verify.getProcessInstanceKey()).isEqualTo(fast);
    assertThat(verify.getVariablesAsMap()).containsEntry("version", "23.4");
    ActivatedJob rollback = activateOne(type + "-rollback");
    assertThat(rollback.getProcessInstanceKey()).isEqualTo(slow);
    assertThat(activateNow(type + "-rollback"))
        .as("the fast instance's timer was dropped")
        .isEmpty();
  }
}
