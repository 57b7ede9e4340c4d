package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayIT extends EngineIT {

  private String deployUpgradeDecision(String id, String type) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("needsUpgrade")
            .conditionExpression("= targetVersion != currentVersion")
            .serviceTask("upgrade", t -> t.zeebeJobType(type + "-upgrade"))
            .endEvent()
            .moveToLastExclusiveGateway()
            .conditionExpression("= targetVersion = currentVersion")
            .serviceTask("configure", t -> t.zeebeJobType(type + "-configure"))
            .endEvent()
            .done());
    return type;
  }

  @Test
  void exclusiveGatewayTakesTheFlowWhoseConditionHolds() {
    String id = unique("xor");
    String type = deployUpgradeDecision(id, unique("t"));
    start(id, Map.of("targetVersion", "23.4", "currentVersion", "22.1"));
    start(id, Map.of("targetVersion", "23.4", "currentVersion", "23.4"));
    assertThat(activate(type + "-upgrade", 5)).hasSize(1);
    assertThat(activate(type + "-configure", 5)).hasSize(1);
  }

  @Test
  void exclusiveGatewayTakesTheDefaultFlowWhenNoConditionHolds() {
    String id = unique("xor-default");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("gw")
            .conditionExpression("= x > 10")
            .serviceTask("big", t -> t.zeebeJobType(type + "-big"))
            .endEvent()
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .serviceTask("small", t -> t.zeebeJobType(type + "-small"))
            .endEvent()
            .done());
    start(id, Map.of("x", 3));
    assertThat(activateOne(type + "-small").getElementId()).isEqualTo("small");
  }

  @Test
  void noMatchingConditionAndNoDefaultRaisesAnIncidentThatResolvesAfterFixingVariables() {
    String id = unique("xor-incident");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("linkQuality")
            .conditionExpression("= latencyMs > 100")
            .serviceTask("slow", t -> t.zeebeJobType(type + "-slow"))
            .endEvent()
            .moveToLastExclusiveGateway()
            .conditionExpression("= latencyMs < 20")
            .serviceTask("fast", t -> t.zeebeJobType(type + "-fast"))
            .endEvent()
            .done());
    long pi = start(id, Map.of("latencyMs", 50)).getProcessInstanceKey();

    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incident.getElementId()).isEqualTo("linkQuality");

    client.newSetVariablesCommand(pi).variables(Map.of("latencyMs", 150)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(activateOne(type + "-slow").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void conditionThatIsNotBooleanRaisesAnIncident() {
    String id = unique("xor-non-boolean");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("gw")
            .conditionExpression("= status")
            .endEvent()
            .moveToLastExclusiveGateway()
            .conditionExpression("= false")
            .endEvent()
            .done());
    long pi = start(id, Map.of("status", "up")).getProcessInstanceKey();
    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incident.getErrorMessage()).contains("boolean");
  }

  @Test
  void parallelGatewayForksAndJoinsBeforeContinuing() {
    String id = unique("and");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType(type + "-branch"))
            .parallelGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("b", t -> t.zeebeJobType(type + "-branch"))
            .connectTo("join")
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();

    List<ActivatedJob> branches = activate(type + "-branch", 5);
    assertThat(branches).extracting(ActivatedJob::getElementId).containsExactlyInAnyOrder("a", "b");

    client.newCompleteCommand(branches.get(0)).variables(Map.of("first", 1)).send().join();
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(type + "-after")
                .maxJobsToActivate(1)
                .requestTimeout(java.time.Duration.ofMillis(300))
                .send()
                .join()
                .getJobs())
        .as("join waits for the second branch")
        .isEmpty();
    client.newCompleteCommand(branches.get(1)).variables(Map.of("second", 2)).send().join();

    ActivatedJob after = activateOne(type + "-after");
    assertThat(after.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(after.getVariablesAsMap()).containsEntry("first", 1).containsEntry("second", 2);
  }
}
