package io.switchboard.engine.dmn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionOutputItem;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import io.switchboard.engine.state.DecisionInstances;
import io.switchboard.engine.state.DecisionRequirements;
import io.switchboard.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;

/**
 * What an evaluation leaves behind: one decision instance per evaluated decision (the one called
 * and each one it required, in evaluation order), numbered {@code <evaluationKey>-<n>} as Camunda
 * numbers them, recorded for the read model; and the client's items for the inputs and matched
 * rules, which the evaluate answer shares.
 */
final class DecisionAudit {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a decision was evaluated: a business rule task's instance, or -1s for the command. */
  record Caller(long processDefinitionKey, long processInstanceKey, long elementInstanceKey) {
    static final Caller NONE = new Caller(-1, -1, -1);
  }

  private DecisionAudit() {}

  /** Records the decisions evaluated; {@code failure} is null when the evaluation succeeded. */
  static void record(
      EngineState state,
      long evaluationKey,
      long now,
      DecisionRequirements graph,
      List<DmnEvaluator.Evaluated> evaluated,
      DmnEvaluator.EvaluationFailed failure,
      Caller caller) {
    int index = 1;
    for (DmnEvaluator.Evaluated e : evaluated) {
      boolean failed = failure != null && index == evaluated.size();
      DecisionRequirements.Decision decision = decision(graph, e.decisionId());
      state.decisionInstances.add(
          new DecisionInstances.Row(
              state.keys.nextKey(),
              evaluationKey + "-" + index++,
              evaluationKey,
              failed,
              now,
              failed ? failure.getMessage() : null,
              decision == null ? null : decision.key,
              e.decisionId(),
              decision == null ? null : decision.name,
              decision == null ? null : decision.version,
              e.decisionType(),
              failed ? null : json(e.output()),
              json(inputs(e)),
              json(matchedRules(e)),
              caller.processDefinitionKey(),
              caller.processInstanceKey(),
              caller.elementInstanceKey(),
              graph.tenantId));
    }
  }

  static DecisionRequirements.Decision decision(DecisionRequirements graph, String decisionId) {
    return graph.decisions.stream()
        .filter(d -> d.decisionId.equals(decisionId))
        .findFirst()
        .orElse(null);
  }

  static List<EvaluatedDecisionInputItem> inputs(DmnEvaluator.Evaluated e) {
    List<EvaluatedDecisionInputItem> items = new ArrayList<>();
    for (DmnEvaluator.Input input : e.inputs()) {
      items.add(
          new EvaluatedDecisionInputItem()
              .inputId(input.id())
              .inputName(input.name())
              .inputValue(json(input.value())));
    }
    return items;
  }

  static List<MatchedDecisionRuleItem> matchedRules(DmnEvaluator.Evaluated e) {
    List<MatchedDecisionRuleItem> items = new ArrayList<>();
    for (DmnEvaluator.MatchedRule rule : e.matchedRules()) {
      List<EvaluatedDecisionOutputItem> outputs = new ArrayList<>();
      for (DmnEvaluator.Output output : rule.outputs()) {
        outputs.add(
            new EvaluatedDecisionOutputItem()
                .outputId(output.id())
                .outputName(output.name())
                .outputValue(json(output.value())));
      }
      items.add(
          new MatchedDecisionRuleItem()
              .ruleId(rule.id())
              .ruleIndex(rule.index())
              .evaluatedOutputs(outputs));
    }
    return items;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
