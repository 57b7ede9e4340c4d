package io.switchboard.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecisionInput;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.search.response.DecisionDefinitionType;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.engine.dmn.Dmn.Rule;
import io.switchboard.engine.dmn.Dmn.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every decision evaluation is kept as decision instances, searched and fetched through the
 * official client: the evaluate command's and a business rule task's, failed ones included, with
 * their inputs and matched rules; filtered, sorted, paged and kept per tenant.
 */
class DecisionInstanceIT extends DecisionSuite {
  private Table tier() {
    return new Table(
        id("tier"),
        "UNIQUE",
        List.of(new Rule("< 10", "\"small\""), new Rule(">= 10", "\"large\"")));
  }

  private Table clash() {
    return new Table(
        id("clash"), "UNIQUE", List.of(new Rule("> 5", "\"a\""), new Rule("> 10", "\"b\"")));
  }

  private void deployDmn(String tenant, Table... tables) {
    var command =
        client
            .newDeployResourceCommand()
            .addResourceString(
                Dmn.definitions(id("graph"), List.of(tables)), StandardCharsets.UTF_8, "d.dmn");
    (tenant == null ? command : command.tenantId(tenant)).send().join();
  }

  private List<DecisionInstance> search(
      Consumer<io.camunda.client.api.search.filter.DecisionInstanceFilter> filter) {
    return client.newDecisionInstanceSearchRequest().filter(filter).send().join().items();
  }

  @Test
  void anEvaluationIsKeptWithItsInputsAndMatchedRules() {
    deployDmn(null, tier());
    EvaluateDecisionResponse response = evaluate(id("tier"), 12);

    List<DecisionInstance> found =
        search(f -> f.decisionInstanceKey(response.getDecisionEvaluationKey()));
    assertThat(found).hasSize(1);
    DecisionInstance instance = found.get(0);
    assertThat(instance.getDecisionInstanceId())
        .isEqualTo(response.getDecisionEvaluationKey() + "-1");
    assertThat(instance.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
    assertThat(instance.getDecisionDefinitionId()).isEqualTo(id("tier"));
    assertThat(instance.getDecisionDefinitionKey()).isEqualTo(response.getDecisionKey());
    assertThat(instance.getDecisionDefinitionVersion()).isEqualTo(1);
    assertThat(instance.getDecisionDefinitionType())
        .isEqualTo(DecisionDefinitionType.DECISION_TABLE);
    assertThat(instance.getResult()).isEqualTo("\"large\"");
    assertThat(instance.getProcessInstanceKey()).as("none, as Camunda answers it").isEqualTo(-1L);
    assertThat(instance.getElementInstanceKey()).isEqualTo(-1L);
    assertThat(instance.getTenantId()).isEqualTo("<default>");
    assertThat(instance.getEvaluationDate()).isNotNull();

    DecisionInstance full =
        client.newDecisionInstanceGetRequest(instance.getDecisionInstanceId()).send().join();
    assertThat(full.getEvaluatedInputs())
        .extracting(EvaluatedDecisionInput::getInputName, EvaluatedDecisionInput::getInputValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("size", "12"));
    assertThat(full.getMatchedRules())
        .extracting(MatchedDecisionRule::getRuleId, MatchedDecisionRule::getRuleIndex)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(id("tier") + "_r2", 2));
    assertThat(full.getMatchedRules().get(0).getEvaluatedOutputs().get(0).getOutputValue())
        .isEqualTo("\"large\"");
  }

  @Test
  void aFailedEvaluationIsAFailedDecisionInstanceNamingTheFailure() {
    deployDmn(null, clash());
    EvaluateDecisionResponse response = evaluate(id("clash"), 15);

    DecisionInstance failed =
        client
            .newDecisionInstanceGetRequest(response.getDecisionEvaluationKey() + "-1")
            .send()
            .join();
    assertThat(failed.getState()).isEqualTo(DecisionInstanceState.FAILED);
    assertThat(failed.getEvaluationFailure())
        .isEqualTo(response.getFailureMessage())
        .contains("'" + id("clash") + "'");
    assertThat(failed.getMatchedRules()).hasSize(2);
    assertThat(search(f -> f.decisionDefinitionId(id("clash")).state(DecisionInstanceState.FAILED)))
        .hasSize(1);
    assertThat(
            search(f -> f.decisionDefinitionId(id("clash")).state(DecisionInstanceState.EVALUATED)))
        .isEmpty();
  }

  @Test
  void aBusinessRuleTasksEvaluationsBelongToItsElementInstanceAndFailuresToo() {
    String processId = unique("rules");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .businessRuleTask(
                    "decide", t -> t.zeebeCalledDecisionId("=which").zeebeResultVariable("outcome"))
                .endEvent()
                .done(),
            "rules.bpmn")
        .addResourceString(
            Dmn.definitions(id("graph"), List.of(tier(), clash())), StandardCharsets.UTF_8, "d.dmn")
        .send()
        .join();
    long ok = start(processId, Map.of("which", id("tier"), "size", 3)).getProcessInstanceKey();
    long failing =
        start(processId, Map.of("which", id("clash"), "size", 15)).getProcessInstanceKey();
    Incident incident = awaitIncident(failing);

    List<DecisionInstance> ofOk =
        Awaitility.await().until(() -> search(f -> f.processInstanceKey(ok)), l -> !l.isEmpty());
    assertThat(ofOk).hasSize(1);
    assertThat(ofOk.get(0).getResult()).isEqualTo("\"small\"");
    assertThat(ofOk.get(0).getElementInstanceKey()).isNotNull();
    assertThat(ofOk.get(0).getProcessDefinitionKey()).isNotNull();
    assertThat(search(f -> f.elementInstanceKey(ofOk.get(0).getElementInstanceKey()))).hasSize(1);

    List<DecisionInstance> ofFailing = search(f -> f.processInstanceKey(failing));
    assertThat(ofFailing)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getState()).isEqualTo(DecisionInstanceState.FAILED);
              assertThat(d.getElementInstanceKey()).isEqualTo(incident.getElementInstanceKey());
              assertThat(d.getEvaluationFailure()).isEqualTo(incident.getErrorMessage());
            });
  }

  @Test
  void aRequiredDecisionIsADecisionInstanceOfTheSameEvaluation() {
    String base = feelName("base");
    String total = feelName("total");
    deployRequiring(
        new Table(base, "FIRST", List.of(new Rule("> 0", "size * 2"))), total, base + " + 1");
    EvaluateDecisionResponse response = evaluate(total, 4);

    List<DecisionInstance> found =
        client
            .newDecisionInstanceSearchRequest()
            .filter(f -> f.decisionInstanceKey(response.getDecisionEvaluationKey()))
            .sort(o -> o.decisionDefinitionId().desc())
            .send()
            .join()
            .items();
    assertThat(found)
        .extracting(DecisionInstance::getDecisionDefinitionId, DecisionInstance::getResult)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(total, "9"),
            org.assertj.core.groups.Tuple.tuple(base, "8"));
    assertThat(found)
        .extracting(DecisionInstance::getDecisionInstanceId)
        .containsExactlyInAnyOrder(
            response.getDecisionEvaluationKey() + "-1", response.getDecisionEvaluationKey() + "-2");
    assertThat(
            search(
                f ->
                    f.decisionInstanceKey(response.getDecisionEvaluationKey())
                        .decisionDefinitionType(DecisionDefinitionType.LITERAL_EXPRESSION)))
        .extracting(DecisionInstance::getDecisionDefinitionId)
        .containsExactly(total);
  }

  @Test
  void searchesPageAndFilterByDateAndStayInTheirTenant() {
    deployDmn(null, tier());
    deployDmn("acme", tier());
    OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
    for (int size : new int[] {1, 2, 30}) {
      evaluate(id("tier"), size);
    }
    client
        .newEvaluateDecisionCommand()
        .decisionId(id("tier"))
        .variables(Map.of("size", 1))
        .tenantId("acme")
        .send()
        .join();

    var page =
        client
            .newDecisionInstanceSearchRequest()
            .filter(f -> f.decisionDefinitionId(id("tier")).tenantId("<default>"))
            .sort(o -> o.evaluationDate().asc())
            .page(p -> p.from(1).limit(1))
            .send()
            .join();
    assertThat(page.page().totalItems()).isEqualTo(3);
    assertThat(page.items()).hasSize(1);
    assertThat(search(f -> f.decisionDefinitionId(id("tier")).tenantId("acme")))
        .singleElement()
        .satisfies(d -> assertThat(d.getTenantId()).isEqualTo("acme"));
    assertThat(search(f -> f.decisionDefinitionId(id("tier")).evaluationDate(d -> d.gte(before))))
        .hasSize(4);
    assertThat(
            search(
                f ->
                    f.decisionDefinitionId(id("tier"))
                        .evaluationDate(d -> d.lt(before.minusDays(1)))))
        .isEmpty();
  }

  @Test
  void anUnknownDecisionInstanceIsNotFound() {
    assertThatThrownBy(() -> client.newDecisionInstanceGetRequest("1-1").send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
