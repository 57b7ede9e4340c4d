package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiInstanceIT extends EngineIT {

  @Test
  void parallelMultiInstanceRunsAllItemsAtOnceAndCollectsOutputsInInputOrder() {
    String id = unique("mi-parallel");
    String type = unique("push");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "push",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("devices")
                                    .zeebeInputElement("device")
                                    .zeebeOutputCollection("results")
                                    .zeebeOutputElementExpression("result")))
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .done());
    long pi = start(id, Map.of("devices", List.of("a", "b", "c"))).getProcessInstanceKey();

    List<ActivatedJob> jobs = activate(type, 10);
    assertThat(jobs).hasSize(3);
    // complete in reverse order: the output collection still follows the input order
    jobs.stream()
        .sorted(
            Comparator.comparing(
                    (ActivatedJob j) -> (Integer) j.getVariablesAsMap().get("loopCounter"))
                .reversed())
        .forEach(
            job ->
                client
                    .newCompleteCommand(job)
                    .variables(Map.of("result", "ok-" + job.getVariablesAsMap().get("device")))
                    .send()
                    .join());

    ActivatedJob after = activateOne(type + "-after");
    assertThat(after.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(after.getVariablesAsMap().get("results")).isEqualTo(List.of("ok-a", "ok-b", "ok-c"));
  }

  @Test
  void inputMappingsOfTheInnerActivitySeeTheInputElementAndLoopCounter() {
    String id = unique("mi-input-mapping");
    String type = unique("upgrade");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "upgrade",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInputExpression("device.id", "deviceId")
                        .zeebeInputExpression("\"wave-\" + string(loopCounter)", "label")
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("devices")
                                    .zeebeInputElement("device")))
            .endEvent()
            .done());
    start(id, Map.of("devices", List.of(Map.of("id", "d1"), Map.of("id", "d2"))));

    List<ActivatedJob> jobs = activate(type, 10);
    assertThat(jobs)
        .extracting(
            j -> j.getVariablesAsMap().get("deviceId") + "/" + j.getVariablesAsMap().get("label"))
        .containsExactlyInAnyOrder("d1/wave-1", "d2/wave-2");
  }

  @Test
  void sequentialMultiInstanceRunsOneItemAfterTheOther() {
    String id = unique("mi-sequential");
    String type = unique("wave");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "wave",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("waves")
                                    .zeebeInputElement("wave")))
            .endEvent()
            .done());
    start(id, Map.of("waves", List.of(1, 2)));

    List<ActivatedJob> first = activate(type, 10);
    assertThat(first).hasSize(1);
    assertThat(first.get(0).getVariablesAsMap())
        .containsEntry("wave", 1)
        .containsEntry("loopCounter", 1);
    client.newCompleteCommand(first.get(0)).send().join();
    ActivatedJob second = activateOne(type);
    assertThat(second.getVariablesAsMap()).containsEntry("wave", 2).containsEntry("loopCounter", 2);
  }

  @Test
  void completionConditionEndsTheBodyEarly() {
    String id = unique("mi-condition");
    String type = unique("try");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "try",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("[1,2,3,4]")
                                    .completionCondition("= numberOfCompletedInstances >= 2")))
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(type, 10);
    assertThat(jobs).hasSize(4);
    client.newCompleteCommand(jobs.get(0)).send().join();
    client.newCompleteCommand(jobs.get(1)).send().join();
    assertThat(activateOne(type + "-after").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void emptyInputCollectionCompletesAtOnce() {
    String id = unique("mi-empty");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "never",
                t ->
                    t.zeebeJobType(unique("never"))
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeOutputCollection("out")
                                    .zeebeOutputElementExpression("x")))
            .endEvent()
            .done());
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("items", List.of()))
            .withResult()
            .send()
            .join();
    assertThat(result.getVariablesAsMap()).containsEntry("out", List.of());
  }

  @Test
  void multiInstanceSubprocessWithBoundaryOnTheBody() {
    String id = unique("mi-sub");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "perSite",
                s ->
                    s.multiInstance(
                        m ->
                            m.parallel()
                                .zeebeInputCollectionExpression("sites")
                                .zeebeInputElement("site")))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("configure", t -> t.zeebeJobType(type))
            .endEvent()
            .subProcessDone()
            .boundaryEvent("abort", b -> b.error("ABORT"))
            .serviceTask("compensate", t -> t.zeebeJobType(type + "-abort"))
            .endEvent()
            .moveToActivity("perSite")
            .endEvent()
            .done());
    long pi = start(id, Map.of("sites", List.of("s1", "s2"))).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(type, 10);
    assertThat(jobs).hasSize(2);
    client.newThrowErrorCommand(jobs.get(0)).errorCode("ABORT").send().join();
    assertThat(activateOne(type + "-abort").getProcessInstanceKey()).isEqualTo(pi);
    assertThat(activateNow(type)).isEmpty();
  }
}
