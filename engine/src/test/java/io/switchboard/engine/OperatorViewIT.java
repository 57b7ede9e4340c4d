package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operator's diagram view against known runs: element statistics of an instance and of a
 * definition, and the sequence flows an instance took.
 */
class OperatorViewIT extends EngineIT {

  /** start -f1-> gw; gw -big (x > 1)-> a -fa-> endA; gw -small (x <= 1)-> endB. */
  private static BpmnModelInstance routed(String id, String jobType) {
    return Bpmn.createExecutableProcess(id)
        .startEvent("start")
        .sequenceFlowId("f1")
        .exclusiveGateway("gw")
        .sequenceFlowId("big")
        .conditionExpression("= x > 1")
        .serviceTask("a", t -> t.zeebeJobType(jobType))
        .sequenceFlowId("fa")
        .endEvent("endA")
        .moveToNode("gw")
        .sequenceFlowId("small")
        .conditionExpression("= x <= 1")
        .endEvent("endB")
        .done();
  }

  private static Map<String, ProcessElementStatistics> byElement(
      List<ProcessElementStatistics> items) {
    return items.stream().collect(Collectors.toMap(ProcessElementStatistics::getElementId, s -> s));
  }

  private static List<Long> counts(ProcessElementStatistics s) {
    return List.of(s.getActive(), s.getIncidents(), s.getCompleted(), s.getCanceled());
  }

  private ActivatedJob job(String type) {
    return await().until(() -> activate(type, 1), jobs -> !jobs.isEmpty()).get(0);
  }

  @Test
  void sequenceFlowsListEachFlowTheInstanceTookOnceAndNoOther() {
    String id = unique("flows");
    String type = unique("flows-job");
    deploy(routed(id, type));
    long pi = start(id, Map.of("x", 5)).getProcessInstanceKey();
    client.newCompleteCommand(job(type)).send().join();
    await().until(() -> client.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);

    List<ProcessInstanceSequenceFlow> flows =
        client.newProcessInstanceSequenceFlowsRequest(pi).send().join();
    assertThat(flows)
        .extracting(ProcessInstanceSequenceFlow::getElementId)
        .containsExactly("f1", "big", "fa");
    ProcessInstanceSequenceFlow first = flows.get(0);
    assertThat(first.getProcessInstanceKey()).isEqualTo(String.valueOf(pi));
    assertThat(first.getProcessDefinitionId()).isEqualTo(id);
    assertThat(first.getTenantId()).isEqualTo("<default>");
    assertThat(first.getSequenceFlowId()).isEqualTo(pi + "_f1");
  }

  @Test
  void aFlowTakenInALoopIsListedOnce() {
    String id = unique("loop");
    String type = unique("loop-job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .sequenceFlowId("in")
            .exclusiveGateway("again")
            .sequenceFlowId("work")
            .serviceTask("a", t -> t.zeebeJobType(type))
            .sequenceFlowId("back")
            .exclusiveGateway("check")
            .sequenceFlowId("done")
            .conditionExpression("= finished")
            .endEvent("end")
            .moveToNode("check")
            .sequenceFlowId("repeat")
            .conditionExpression("= not(finished)")
            .connectTo("again")
            .done());
    long pi = start(id, Map.of("finished", false)).getProcessInstanceKey();
    client.newCompleteCommand(job(type)).send().join();
    client.newCompleteCommand(job(type)).variables(Map.of("finished", true)).send().join();
    await().until(() -> client.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);

    assertThat(client.newProcessInstanceSequenceFlowsRequest(pi).send().join())
        .extracting(ProcessInstanceSequenceFlow::getElementId)
        .containsExactly("in", "work", "back", "repeat", "done");
  }

  @Test
  void processInstanceStatisticsCountActiveCompletedAndIncidentElements() {
    String id = unique("pi-stats");
    String type = unique("pi-stats-job");
    deploy(routed(id, type));
    long pi = start(id, Map.of("x", 5)).getProcessInstanceKey();
    ActivatedJob job = job(type);

    Map<String, ProcessElementStatistics> waiting =
        byElement(client.newProcessInstanceElementStatisticsRequest(pi).send().join());
    assertThat(waiting).containsOnlyKeys("start", "gw", "a");
    assertThat(counts(waiting.get("a"))).containsExactly(1L, 0L, 0L, 0L);
    assertThat(counts(waiting.get("start"))).containsExactly(0L, 0L, 1L, 0L);

    client.newFailCommand(job).retries(0).errorMessage("device down").send().join();
    await()
        .until(
            () ->
                byElement(client.newProcessInstanceElementStatisticsRequest(pi).send().join())
                    .get("a")
                    .getIncidents(),
            incidents -> incidents == 1L);
    assertThat(
            counts(
                byElement(client.newProcessInstanceElementStatisticsRequest(pi).send().join())
                    .get("a")))
        .containsExactly(0L, 1L, 0L, 0L);
  }

  @Test
  void processDefinitionStatisticsSumOverItsInstancesAndHonourTheFilter() {
    String id = unique("pd-stats");
    String type = unique("pd-stats-job");
    long definitionKey = deploy(routed(id, type)).getProcesses().get(0).getProcessDefinitionKey();
    long done = start(id, Map.of("x", 0)).getProcessInstanceKey(); // default path, completes
    long canceled = start(id, Map.of("x", 5)).getProcessInstanceKey();
    long running = start(id, Map.of("x", 5)).getProcessInstanceKey();
    await().until(() -> activate(type, 2), jobs -> jobs.size() == 2);
    client.newCancelInstanceCommand(canceled).send().join();
    await()
        .until(() -> client.newProcessInstanceGetRequest(done).send().join().getEndDate() != null);

    Map<String, ProcessElementStatistics> all =
        byElement(client.newProcessDefinitionElementStatisticsRequest(definitionKey).send().join());
    assertThat(counts(all.get("start"))).containsExactly(0L, 0L, 3L, 0L);
    assertThat(counts(all.get("a"))).containsExactly(1L, 0L, 0L, 1L);
    assertThat(counts(all.get("endB"))).containsExactly(0L, 0L, 1L, 0L);

    Map<String, ProcessElementStatistics> active =
        byElement(
            client
                .newProcessDefinitionElementStatisticsRequest(definitionKey)
                .filter(f -> f.state(ProcessInstanceState.ACTIVE))
                .send()
                .join());
    assertThat(active).containsOnlyKeys("start", "gw", "a");
    assertThat(counts(active.get("a"))).containsExactly(1L, 0L, 0L, 0L);
    assertThat(running).isPositive();
  }

  @Test
  void statisticsOfAnUnknownProcessInstanceAreNotFound() {
    assertThatThrownBy(
            () -> client.newProcessInstanceElementStatisticsRequest(123456789L).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    assertThatThrownBy(
            () -> client.newProcessInstanceSequenceFlowsRequest(123456789L).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
