package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.sort.ProcessInstanceSort;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What all searches share: sort, paging by offset and by cursor, totals, tenants, errors. */
class SearchIT extends EngineIT {

  private List<Long> startInstances(String id, int count) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    return LongStream.range(0, count)
        .mapToObj(i -> start(id, Map.of()).getProcessInstanceKey())
        .toList();
  }

  @Test
  void sortAndFromLimitPageThroughTheMatchesWithTheirTotal() {
    String id = unique("paging");
    List<Long> keys = startInstances(id, 5);
    List<Long> descending = keys.stream().sorted(Comparator.reverseOrder()).toList();

    SearchResponse<ProcessInstance> page =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.from(1).limit(2))
            .send()
            .join();

    assertThat(page.page().totalItems()).isEqualTo(5);
    assertThat(ProcessInstanceSearchIT.keys(page))
        .containsExactlyElementsOf(descending.subList(1, 3));
  }

  @Test
  void cursorsWalkForwardAndBackThroughAllPages() {
    String id = unique("cursor");
    List<Long> keys = startInstances(id, 5);
    client.newCancelInstanceCommand(keys.get(1)).send().join();
    client.newCancelInstanceCommand(keys.get(3)).send().join();
    // sorted by state (ACTIVE before TERMINATED), then by key
    List<Long> expected = List.of(keys.get(0), keys.get(2), keys.get(4), keys.get(1), keys.get(3));

    List<String> startCursors = new ArrayList<>();
    List<Long> walked = walk(id, s -> s.state().asc(), startCursors);
    SearchResponse<ProcessInstance> back =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.state().asc())
            .page(p -> p.limit(2).before(startCursors.get(2)))
            .send()
            .join();

    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(ProcessInstanceSearchIT.keys(back))
        .containsExactlyElementsOf(expected.subList(2, 4));
  }

  @Test
  void emptyValuesSortLastInBothDirections() {
    String id = unique("nulls-last");
    List<Long> keys = startInstances(id, 3);
    client.newCancelInstanceCommand(keys.get(1)).send().join();

    assertThat(walk(id, s -> s.endDate().asc(), new ArrayList<>()))
        .containsExactly(keys.get(1), keys.get(0), keys.get(2));
    assertThat(walk(id, s -> s.endDate().desc(), new ArrayList<>()))
        .containsExactly(keys.get(1), keys.get(0), keys.get(2));
  }

  /** All matches, two per page, following the end cursors. */
  private List<Long> walk(
      String id, Consumer<ProcessInstanceSort> sort, List<String> startCursors) {
    List<Long> walked = new ArrayList<>();
    String after = null;
    while (true) {
      String cursor = after;
      SearchResponse<ProcessInstance> page =
          client
              .newProcessInstanceSearchRequest()
              .filter(f -> f.processDefinitionId(id))
              .sort(sort)
              .page(p -> p.limit(2).after(cursor))
              .send()
              .join();
      if (page.items().isEmpty()) {
        break;
      }
      walked.addAll(ProcessInstanceSearchIT.keys(page));
      startCursors.add(page.page().startCursor());
      after = page.page().endCursor();
    }
    return walked;
  }

  @Test
  void tenantFilterKeepsToOneTenantAndResultsCarryIt() {
    String id = unique("tenant-search");
    String tenant = unique("tenant");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("t", t -> t.zeebeJobType(id))
                .endEvent()
                .done(),
            "p.bpmn")
        .tenantId(tenant)
        .send()
        .join();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long own =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .tenantId(tenant)
            .variables(Map.of("x", 1))
            .send()
            .join()
            .getProcessInstanceKey();
    start(id, Map.of("x", 1));

    ProcessInstance instance =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id).tenantId(tenant))
            .send()
            .join()
            .singleItem();
    var variables =
        client
            .newVariableSearchRequest()
            .filter(f -> f.name("x").tenantId(tenant))
            .send()
            .join()
            .items();
    var jobs =
        client.newJobSearchRequest().filter(f -> f.type(id).tenantId(tenant)).send().join().items();
    var definitions =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(id).tenantId(tenant))
            .send()
            .join()
            .items();
    var elements =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id).tenantId(tenant))
            .send()
            .join()
            .items();

    assertThat(instance.getProcessInstanceKey()).isEqualTo(own);
    assertThat(instance.getTenantId()).isEqualTo(tenant);
    assertThat(variables)
        .singleElement()
        .satisfies(v -> assertThat(v.getTenantId()).isEqualTo(tenant));
    assertThat(jobs).singleElement().satisfies(j -> assertThat(j.getTenantId()).isEqualTo(tenant));
    assertThat(definitions)
        .singleElement()
        .satisfies(d -> assertThat(d.getTenantId()).isEqualTo(tenant));
    assertThat(elements)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getTenantId()).isEqualTo(tenant));
  }

  @Test
  void invalidFilterValuesAndCursorsAreRejectedNamingTheProblem() {
    assertThatThrownBy(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .filter(f -> f.state(ProcessInstanceState.UNKNOWN_ENUM_VALUE))
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              assertThat(((ProblemException) e).code()).isEqualTo(400);
              assertThat(((ProblemException) e).details().getDetail()).contains("'state'");
            });
    assertThatThrownBy(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .page(p -> p.after("not-a-cursor"))
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400));
  }
}
