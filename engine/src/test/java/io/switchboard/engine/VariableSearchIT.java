package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /variables/search} and {@code GET /variables/{key}}. */
class VariableSearchIT extends EngineIT {

  @Test
  void variablesOfACompletedInstanceAreFoundIncludingTheLastJobResult() {
    String id = unique("var-done");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id).zeebeInputExpression("site", "localSite"))
            .endEvent()
            .done());
    long pi = start(id, Map.of("site", "paris-1", "attempts", 1)).getProcessInstanceKey();
    // the job's result is set and the instance completes in the same step
    client
        .newCompleteCommand(activateOne(id))
        .variables(Map.of("attempts", 2, "result", Map.of("ok", true)))
        .send()
        .join();

    List<Variable> variables =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(pi))
            .sort(s -> s.name().asc())
            .send()
            .join()
            .items();

    assertThat(client.newProcessInstanceGetRequest(pi).send().join().getEndDate()).isNotNull();
    assertThat(variables)
        .extracting(Variable::getName)
        .containsExactly("attempts", "localSite", "result", "site");
    assertThat(variables)
        .extracting(Variable::getValue)
        .containsExactly("2", "\"paris-1\"", "{\"ok\":true}", "\"paris-1\"");
    assertThat(variables.get(1).getScopeKey()).isNotEqualTo(pi);
    assertThat(variables.get(0).getScopeKey()).isEqualTo(pi);
    assertThat(variables).allSatisfy(v -> assertThat(v.isTruncated()).isFalse());
  }

  @Test
  void filtersByNameAndValueWithPaging() {
    String id = unique("var-filter");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long pi =
        start(id, Map.of("device_a", "on", "device_b", "off", "device_c", "on", "other", "on"))
            .getProcessInstanceKey();

    SearchResponse<Variable> page =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(pi).name(n -> n.like("device_*")).value("\"on\""))
            .sort(s -> s.name().desc())
            .page(p -> p.limit(1))
            .send()
            .join();
    SearchResponse<Variable> next =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(pi).name(n -> n.like("device_*")).value("\"on\""))
            .sort(s -> s.name().desc())
            .page(p -> p.limit(1).after(page.page().endCursor()))
            .send()
            .join();

    assertThat(page.page().totalItems()).isEqualTo(2);
    assertThat(page.items()).extracting(Variable::getName).containsExactly("device_c");
    assertThat(next.items()).extracting(Variable::getName).containsExactly("device_a");
  }

  @Test
  void longValuesAreTruncatedInSearchesAndWholeByKey() {
    String id = unique("var-long");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    String config = "x".repeat(10_000);
    long pi = start(id, Map.of("config", config)).getProcessInstanceKey();

    Variable found =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(pi).name("config"))
            .send()
            .join()
            .singleItem();
    Variable whole = client.newVariableGetRequest(found.getVariableKey()).send().join();

    assertThat(found.isTruncated()).isTrue();
    assertThat(found.getValue()).hasSize(8191);
    assertThat(whole.getValue()).isEqualTo("\"" + config + "\"");
    assertThatThrownBy(
            () -> client.newVariableGetRequest(found.getVariableKey() + 1_000_000).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
