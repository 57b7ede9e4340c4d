package io.switchboard.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.switchboard.engine.dmn.Dmn.Rule;
import io.switchboard.engine.dmn.Dmn.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DMN through the official client: hit policies, the evaluate decision command, business rule tasks
 * calling decisions (result variable, bindings, incidents naming the decision), the decision
 * searches, and BPMN + DMN deployed atomically.
 */
class DecisionIT extends DecisionSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Table unique() {
    return new Table(
        id("unique"),
        "UNIQUE",
        null,
        List.of("tier", "limit"),
        null,
        List.of(new Rule("< 10", "\"small\"", "10"), new Rule(">= 10", "\"large\"", "100")));
  }

  private Table overlapping(String name, String hitPolicy, String aggregation, String... outputs) {
    return new Table(
        id(name),
        hitPolicy,
        aggregation,
        List.of("result"),
        null,
        List.of(
            new Rule("> 5", outputs[0]),
            new Rule("> 10", outputs[1]),
            new Rule("> 20", outputs[2])));
  }

  private Table prioritised(String name, String hitPolicy) {
    return new Table(
        id(name),
        hitPolicy,
        null,
        List.of("medal"),
        "\"gold\",\"silver\",\"bronze\"",
        List.of(
            new Rule("> 5", "\"bronze\""),
            new Rule("> 10", "\"silver\""),
            new Rule("> 20", "\"gold\"")));
  }

  private List<Table> allPolicies() {
    return List.of(
        unique(),
        overlapping("first", "FIRST", null, "\"a\"", "\"b\"", "\"c\""),
        prioritised("priority", "PRIORITY"),
        overlapping("any", "ANY", null, "\"yes\"", "\"yes\"", "\"yes\""),
        overlapping("collect", "COLLECT", null, "1", "2", "3"),
        overlapping("sum", "COLLECT", "SUM", "1", "2", "3"),
        overlapping("count", "COLLECT", "COUNT", "1", "2", "3"),
        overlapping("min", "COLLECT", "MIN", "1", "2", "3"),
        overlapping("max", "COLLECT", "MAX", "1", "2", "3"),
        overlapping("ruleOrder", "RULE ORDER", null, "\"x\"", "\"y\"", "\"z\""),
        prioritised("outputOrder", "OUTPUT ORDER"),
        overlapping("clash", "UNIQUE", null, "\"a\"", "\"b\"", "\"c\""));
  }

  private DeploymentEvent deployDmn(String graph, List<Table> tables) {
    return client
        .newDeployResourceCommand()
        .addResourceString(Dmn.definitions(graph, tables), StandardCharsets.UTF_8, "decisions.dmn")
        .send()
        .join();
  }

  private Object output(String decisionId, int size) throws Exception {
    EvaluateDecisionResponse response = evaluate(decisionId, size);
    assertThat(response.getFailureMessage()).as(decisionId).isNull();
    return JSON.readValue(response.getDecisionOutput(), Object.class);
  }

  @Test
  void everyHitPolicyAnswersAsDmnSays() throws Exception {
    deployDmn(id("graph"), allPolicies());
    assertThat(output(id("unique"), 15)).isEqualTo(Map.of("tier", "large", "limit", 100));
    assertThat(output(id("unique"), 3)).isEqualTo(Map.of("tier", "small", "limit", 10));
    assertThat(output(id("first"), 15)).isEqualTo("a");
    assertThat(output(id("priority"), 15)).isEqualTo("silver");
    assertThat(output(id("any"), 15)).isEqualTo("yes");
    assertThat(output(id("collect"), 15)).isEqualTo(List.of(1, 2));
    assertThat(output(id("sum"), 15)).isEqualTo(3);
    assertThat(output(id("count"), 25)).isEqualTo(3);
    assertThat(output(id("min"), 15)).isEqualTo(1);
    assertThat(output(id("max"), 25)).isEqualTo(3);
    assertThat(output(id("ruleOrder"), 15)).isEqualTo(List.of("x", "y"));
    assertThat(output(id("outputOrder"), 25)).isEqualTo(List.of("gold", "silver", "bronze"));
    assertThat(output(id("first"), 1)).isNull(); // no rule matched
  }

  @Test
  void evaluateAnswersTheDecisionWithItsKeysAndTheRulesItMatched() {
    DeploymentEvent deployment = deployDmn(id("graph"), List.of(unique()));
    var deployed = deployment.getDecisions().get(0);
    assertThat(deployed.getDmnDecisionId()).isEqualTo(id("unique"));
    assertThat(deployed.getVersion()).isEqualTo(1);
    assertThat(deployment.getDecisionRequirements().get(0).getDmnDecisionRequirementsId())
        .isEqualTo(id("graph"));
    assertThat(deployment.getDecisionRequirements().get(0).getDecisionRequirementsKey())
        .isEqualTo(deployed.getDecisionRequirementsKey());

    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionKey(deployed.getDecisionKey())
            .variables(Map.of("size", 15))
            .send()
            .join();
    assertThat(response.getDecisionId()).isEqualTo(id("unique"));
    assertThat(response.getDecisionKey()).isEqualTo(deployed.getDecisionKey());
    assertThat(response.getDecisionVersion()).isEqualTo(1);
    assertThat(response.getDecisionRequirementsId()).isEqualTo(id("graph"));
    assertThat(response.getDecisionEvaluationKey()).isPositive();
    EvaluatedDecision evaluated = response.getEvaluatedDecisions().get(0);
    assertThat(evaluated.getDecisionType()).isEqualTo("DECISION_TABLE");
    assertThat(evaluated.getEvaluatedInputs().get(0).getInputValue()).isEqualTo("15");
    assertThat(evaluated.getMatchedRules()).hasSize(1);
    assertThat(evaluated.getMatchedRules().get(0).getRuleId()).isEqualTo(id("unique") + "_r2");
    assertThat(evaluated.getMatchedRules().get(0).getRuleIndex()).isEqualTo(2);
    assertThat(evaluated.getMatchedRules().get(0).getEvaluatedOutputs()).hasSize(2);
  }

  @Test
  void aDecisionUsesTheDecisionsItRequiresAndReportsEachEvaluated() throws Exception {
    String base = feelName("base");
    String total = feelName("total");
    deployRequiring(
        new Table(base, "UNIQUE", List.of(new Rule("< 10", "1"), new Rule(">= 10", "5"))),
        total,
        base + " * 10 + size");
    EvaluateDecisionResponse response = evaluate(total, 12);
    assertThat(JSON.readValue(response.getDecisionOutput(), Object.class)).isEqualTo(62);
    assertThat(response.getEvaluatedDecisions())
        .extracting(EvaluatedDecision::getDecisionId)
        .containsExactly(base, total);
    assertThat(response.getEvaluatedDecisions().get(1).getDecisionType())
        .isEqualTo("LITERAL_EXPRESSION");
  }

  @Test
  void aFailingDecisionAnswersItsFailureNamingIt() {
    deployDmn(id("graph"), allPolicies());
    EvaluateDecisionResponse response = evaluate(id("clash"), 15);
    assertThat(response.getFailedDecisionId()).isEqualTo(id("clash"));
    assertThat(response.getFailureMessage()).contains("'" + id("clash") + "'");
  }

  @Test
  void anUnknownDecisionIsNotFound() {
    assertThatThrownBy(() -> evaluate(id("nothing"), 1))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404))
        .hasMessageContaining(id("nothing"));
  }

  private BpmnModelInstance ruleProcess(String processId, String decisionId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .businessRuleTask(
            "decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("outcome"))
        .serviceTask("after", t -> t.zeebeJobType(processId))
        .endEvent()
        .done();
  }

  @Test
  void aBusinessRuleTaskDeployedWithItsDecisionWritesTheResultVariable() {
    String processId = unique("rules");
    client
        .newDeployResourceCommand()
        .addProcessModel(ruleProcess(processId, id("unique")), "rules.bpmn")
        .addResourceString(
            Dmn.definitions(id("graph"), List.of(unique())), StandardCharsets.UTF_8, "d.dmn")
        .send()
        .join();
    start(processId, Map.of("size", 3));
    ActivatedJob job = activateOne(processId);
    assertThat(job.getVariablesAsMap().get("outcome"))
        .isEqualTo(Map.of("tier", "small", "limit", 10));
  }

  @Test
  void aFailingDecisionInAProcessRaisesAnIncidentNamingIt() {
    String processId = unique("clash");
    client
        .newDeployResourceCommand()
        .addProcessModel(ruleProcess(processId, id("clash")), "rules.bpmn")
        .addResourceString(
            Dmn.definitions(id("graph"), allPolicies()), StandardCharsets.UTF_8, "d.dmn")
        .send()
        .join();
    long pi = start(processId, Map.of("size", 15)).getProcessInstanceKey();
    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.DECISION_EVALUATION_ERROR);
    assertThat(incident.getElementId()).isEqualTo("decide");
    assertThat(incident.getErrorMessage()).contains("'" + id("clash") + "'");
  }

  @Test
  void aMissingDecisionIsAnIncidentThatResolvesOnceTheDecisionIsDeployed() {
    String processId = unique("missing");
    deploy(ruleProcess(processId, id("unique")));
    long pi = start(processId, Map.of("size", 15)).getProcessInstanceKey();
    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_DECISION_ERROR);
    assertThat(incident.getErrorMessage()).contains("'" + id("unique") + "'");

    deployDmn(id("graph"), List.of(unique()));
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob job = activateOne(processId);
    assertThat(job.getVariablesAsMap().get("outcome"))
        .isEqualTo(Map.of("tier", "large", "limit", 100));
  }

  @Test
  void versionTagBindingCallsTheTaggedVersion() throws Exception {
    String graph = id("graph");
    Table table = unique();
    String tagged =
        Dmn.definitions(graph, List.of())
            .replace("</definitions>", Dmn.decision(table, "v1") + "</definitions>");
    client
        .newDeployResourceCommand()
        .addResourceString(tagged, StandardCharsets.UTF_8, "d.dmn")
        .send()
        .join();
    // a later, untagged version that answers differently
    Table changed =
        new Table(
            table.id(),
            "UNIQUE",
            null,
            List.of("tier", "limit"),
            null,
            List.of(new Rule("< 10", "\"tiny\"", "1"), new Rule(">= 10", "\"huge\"", "1000")));
    DeploymentEvent second = deployDmn(graph, List.of(changed));
    assertThat(second.getDecisions().get(0).getVersion()).isEqualTo(2);

    String processId = unique("tagged");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "decide",
                t ->
                    t.zeebeCalledDecisionId(table.id())
                        .zeebeResultVariable("outcome")
                        .zeebeBindingType(ZeebeBindingType.versionTag)
                        .zeebeVersionTag("v1"))
            .serviceTask("after", t -> t.zeebeJobType(processId))
            .endEvent()
            .done());
    start(processId, Map.of("size", 15));
    assertThat(activateOne(processId).getVariablesAsMap().get("outcome"))
        .isEqualTo(Map.of("tier", "large", "limit", 100));
    assertThat(output(table.id(), 15)).isEqualTo(Map.of("tier", "huge", "limit", 1000));
  }

  @Test
  void decisionDefinitionsAndRequirementsAreSearchedAndFetched() {
    DeploymentEvent deployment = deployDmn(id("graph"), List.of(unique()));
    long decisionKey = deployment.getDecisions().get(0).getDecisionKey();
    long graphKey = deployment.getDecisionRequirements().get(0).getDecisionRequirementsKey();

    var found =
        client
            .newDecisionDefinitionSearchRequest()
            .filter(f -> f.decisionDefinitionId(id("unique")))
            .send()
            .join()
            .items();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getDecisionKey()).isEqualTo(decisionKey);
    assertThat(found.get(0).getDmnDecisionRequirementsId()).isEqualTo(id("graph"));
    assertThat(
            client.newDecisionDefinitionGetRequest(decisionKey).send().join().getDmnDecisionName())
        .isEqualTo("Decision " + id("unique"));
    assertThat(client.newDecisionDefinitionGetXmlRequest(decisionKey).send().join())
        .contains("id=\"" + id("unique") + "\"");

    var graphs =
        client
            .newDecisionRequirementsSearchRequest()
            .filter(f -> f.decisionRequirementsId(id("graph")))
            .send()
            .join()
            .items();
    assertThat(graphs).hasSize(1);
    assertThat(graphs.get(0).getDecisionRequirementsKey()).isEqualTo(graphKey);
    assertThat(graphs.get(0).getResourceName()).isEqualTo("decisions.dmn");
    assertThat(
            client
                .newDecisionRequirementsGetRequest(graphKey)
                .send()
                .join()
                .getDmnDecisionRequirementsName())
        .isEqualTo("Graph " + id("graph"));
    assertThatThrownBy(() -> client.newDecisionDefinitionGetRequest(1L).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void anUnchangedDmnKeepsItsVersionAndKeys() {
    DeploymentEvent first = deployDmn(id("graph"), List.of(unique()));
    DeploymentEvent again = deployDmn(id("graph"), List.of(unique()));
    assertThat(again.getDecisions().get(0).getDecisionKey())
        .isEqualTo(first.getDecisions().get(0).getDecisionKey());
    assertThat(again.getDecisionRequirements().get(0).getVersion()).isEqualTo(1);
  }

  @Test
  void aBpmnAndDmnDeploymentIsRefusedWholeWhenOneResourceIsBad() {
    String processId = unique("whole");
    String bad =
        Dmn.definitions(
            id("graph"),
            List.of(new Table(id("broken"), "UNIQUE", List.of(new Rule("> > 5", "1")))));
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addProcessModel(ruleProcess(processId, id("broken")), "rules.bpmn")
                    .addResourceString(bad, StandardCharsets.UTF_8, "bad.dmn")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400))
        .hasMessageContaining("'bad.dmn'");
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .send()
                .join()
                .items())
        .isEmpty();

    // and a good DMN is not stored when the BPMN beside it is bad
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString("<not-bpmn/>", StandardCharsets.UTF_8, "broken.bpmn")
                    .addResourceString(
                        Dmn.definitions(id("graph"), List.of(unique())),
                        StandardCharsets.UTF_8,
                        "good.dmn")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class);
    assertThat(
            client
                .newDecisionDefinitionSearchRequest()
                .filter(f -> f.decisionDefinitionId(id("unique")))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void decisionsAreTenantScoped() throws Exception {
    client
        .newDeployResourceCommand()
        .addResourceString(
            Dmn.definitions(id("graph"), List.of(unique())), StandardCharsets.UTF_8, "d.dmn")
        .tenantId("acme")
        .send()
        .join();
    assertThatThrownBy(() -> evaluate(id("unique"), 15))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionId(id("unique"))
            .variables(Map.of("size", 15))
            .tenantId("acme")
            .send()
            .join();
    assertThat(response.getTenantId()).isEqualTo("acme");
    assertThat(
            client
                .newDecisionDefinitionSearchRequest()
                .filter(f -> f.decisionDefinitionId(id("unique")).tenantId("acme"))
                .send()
                .join()
                .items())
        .hasSize(1);
  }
}
