package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /process-instances/search} and {@code GET /process-instances/{key}}. */
class ProcessInstanceSearchIT extends EngineIT {

  private String deployTask(String id) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .name("Provision " + id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    return id;
  }

  private SearchResponse<ProcessInstance> byProcess(String id) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(id))
        .sort(s -> s.processInstanceKey().asc())
        .send()
        .join();
  }

  @Test
  void completedAndTerminatedInstancesAreFoundWithStateAndEndDate() {
    String id = deployTask(unique("pi-states"));
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
    long completed = start(id, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(id)).send().join();
    long terminated = start(id, Map.of()).getProcessInstanceKey();
    client.newCancelInstanceCommand(terminated).send().join();
    long active = start(id, Map.of()).getProcessInstanceKey();

    SearchResponse<ProcessInstance> all = byProcess(id);

    assertThat(all.page().totalItems()).isEqualTo(3);
    assertThat(all.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(completed, terminated, active);
    assertThat(all.items())
        .extracting(ProcessInstance::getState)
        .containsExactly(
            ProcessInstanceState.COMPLETED,
            ProcessInstanceState.TERMINATED,
            ProcessInstanceState.ACTIVE);
    assertThat(all.items().get(0).getEndDate()).isAfter(before);
    assertThat(all.items().get(1).getEndDate()).isNotNull();
    assertThat(all.items().get(2).getEndDate()).isNull();
    ProcessInstance first = all.items().get(0);
    assertThat(first.getProcessDefinitionName()).isEqualTo("Provision " + id);
    assertThat(first.getProcessDefinitionVersion()).isEqualTo(1);
    assertThat(first.getTenantId()).isEqualTo("<default>");
    assertThat(first.getStartDate()).isAfter(before);
    assertThat(first.getHasIncident()).isFalse();

    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(id).state(ProcessInstanceState.COMPLETED))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(completed);
  }

  @Test
  void getByKeyReturnsTheInstanceAndUnknownKeysAreNotFound() {
    String id = deployTask(unique("pi-get"));
    long pi = start(id, Map.of()).getProcessInstanceKey();

    ProcessInstance instance = client.newProcessInstanceGetRequest(pi).send().join();

    assertThat(instance.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(instance.getProcessDefinitionId()).isEqualTo(id);
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(pi + 1_000_000).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void operatorsFilterByLikeInNotEqualsAndDateRange() {
    String prefix = unique("pi-ops");
    String a = deployTask(prefix + "-a");
    String b = deployTask(prefix + "-b");
    long a1 = start(a, Map.of()).getProcessInstanceKey();
    long a2 = start(a, Map.of()).getProcessInstanceKey();
    long b1 = start(b, Map.of()).getProcessInstanceKey();
    client.newCancelInstanceCommand(a2).send().join();

    List<Long> like =
        keys(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(p -> p.like(prefix + "-?")))
                .send()
                .join());
    List<Long> in =
        keys(
            client
                .newProcessInstanceSearchRequest()
                .filter(
                    f ->
                        f.processDefinitionId(p -> p.like(prefix + "*"))
                            .state(
                                s ->
                                    s.in(
                                        ProcessInstanceState.TERMINATED,
                                        ProcessInstanceState.COMPLETED)))
                .send()
                .join());
    List<Long> neq =
        keys(
            client
                .newProcessInstanceSearchRequest()
                .filter(
                    f -> f.processDefinitionId(p -> p.in(a, b)).processInstanceKey(k -> k.neq(a1)))
                .send()
                .join());
    List<Long> future =
        keys(
            client
                .newProcessInstanceSearchRequest()
                .filter(
                    f ->
                        f.processDefinitionId(p -> p.like(prefix + "*"))
                            .startDate(d -> d.gt(OffsetDateTime.now().plusMinutes(1))))
                .send()
                .join());
    List<Long> endExists =
        keys(
            client
                .newProcessInstanceSearchRequest()
                .filter(
                    f ->
                        f.processDefinitionId(p -> p.like(prefix + "*"))
                            .endDate(d -> d.exists(true)))
                .send()
                .join());

    assertThat(like).containsExactlyInAnyOrder(a1, a2, b1);
    assertThat(in).containsExactly(a2);
    assertThat(neq).containsExactlyInAnyOrder(a2, b1);
    assertThat(future).isEmpty();
    assertThat(endExists).containsExactly(a2);
  }

  @Test
  void variablesFilterFindsInstancesByTheirVariableValues() {
    String id = deployTask(unique("pi-vars"));
    long order1 = start(id, Map.of("orderId", "A-1", "priority", 3)).getProcessInstanceKey();
    start(id, Map.of("orderId", "A-2", "priority", 3));

    // values are compared as JSON, as in Camunda: a string value is given with its quotes
    List<Long> found =
        keys(
            client
                .newProcessInstanceSearchRequest()
                .filter(
                    f ->
                        f.processDefinitionId(id)
                            .variables(Map.of("orderId", "\"A-1\"", "priority", 3)))
                .send()
                .join());

    assertThat(found).containsExactly(order1);
  }

  @Test
  void callActivityChildrenCarryTheirParentKeys() {
    String child = deployTask(unique("pi-child"));
    String parent = unique("pi-parent");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long parentKey = start(parent, Map.of()).getProcessInstanceKey();

    ProcessInstance called =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.parentProcessInstanceKey(parentKey))
            .send()
            .join()
            .singleItem();

    assertThat(called.getProcessDefinitionId()).isEqualTo(child);
    assertThat(called.getParentElementInstanceKey()).isNotNull();
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(
                    f ->
                        f.processDefinitionId(child).parentProcessInstanceKey(k -> k.exists(false)))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  static List<Long> keys(SearchResponse<ProcessInstance> response) {
    return response.items().stream().map(ProcessInstance::getProcessInstanceKey).toList();
  }
}
