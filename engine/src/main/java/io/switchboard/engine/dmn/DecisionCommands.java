package io.switchboard.engine.dmn;

import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.DecisionRequirements;
import io.switchboard.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /decision-definitions/evaluation}: evaluates a decision by key or by id (its latest
 * version) in a tenant. As in Camunda, a decision that fails answers 200 with {@code
 * failedDecisionDefinitionId} and a {@code failureMessage} naming it; a decision that does not
 * exist (or is another tenant's) answers 404.
 */
public final class DecisionCommands {
  static final String DEFAULT_TENANT = "<default>";

  private final CommandProcessor processor;
  private final EngineState state;
  private final DmnEvaluator dmn;

  /** What the client sends: a decision by id or by key, variables, a tenant. */
  public record Evaluation(
      String decisionDefinitionId,
      String decisionDefinitionKey,
      Map<String, Object> variables,
      String tenantId) {}

  public DecisionCommands(CommandProcessor processor, DmnEvaluator dmn) {
    this.processor = processor;
    this.state = processor.state();
    this.dmn = dmn;
  }

  public CompletableFuture<EvaluateDecisionResult> evaluate(Evaluation request) {
    boolean byId = request.decisionDefinitionId() != null;
    boolean byKey = request.decisionDefinitionKey() != null;
    if (byId == byKey) {
      throw EngineException.invalidArgument(
          "Expected either decisionDefinitionId or decisionDefinitionKey, but "
              + (byId ? "both were" : "neither was")
              + " given");
    }
    String tenantId = tenant(request.tenantId());
    Long key = byKey ? parseKey(request.decisionDefinitionKey()) : null;
    Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
    return processor.submit(
        reply -> processor.reply(reply, evaluateNow(request, tenantId, key, variables)));
  }

  private EvaluateDecisionResult evaluateNow(
      Evaluation request, String tenantId, Long key, Map<String, Object> variables) {
    DecisionLookup.Found found =
        (key != null
                ? DecisionLookup.byKey(state, key)
                    .filter(
                        f ->
                            request.tenantId() == null
                                || f.requirements().tenantId.equals(tenantId))
                : DecisionLookup.latest(state, tenantId, request.decisionDefinitionId()))
            .orElseThrow(
                () ->
                    EngineException.notFound(
                        key != null
                            ? "Expected to evaluate decision with key '"
                                + key
                                + "', but no such decision was found"
                            : "Expected to evaluate decision '"
                                + request.decisionDefinitionId()
                                + "', but no decision found for id '"
                                + request.decisionDefinitionId()
                                + "'"));
    DecisionRequirements graph = found.requirements();
    DecisionRequirements.Decision decision = found.decision();
    long evaluationKey = state.keys.nextKey();
    EvaluateDecisionResult result =
        new EvaluateDecisionResult()
            .decisionDefinitionId(decision.decisionId)
            .decisionDefinitionKey(String.valueOf(decision.key))
            .decisionDefinitionName(decision.name)
            .decisionDefinitionVersion(decision.version)
            .decisionRequirementsId(graph.decisionRequirementsId)
            .decisionRequirementsKey(String.valueOf(graph.key))
            .decisionEvaluationKey(String.valueOf(evaluationKey))
            .decisionInstanceKey(String.valueOf(evaluationKey))
            .tenantId(graph.tenantId)
            .evaluatedDecisions(new ArrayList<>());
    List<DmnEvaluator.Evaluated> evaluated;
    DmnEvaluator.EvaluationFailed failure = null;
    try {
      DmnEvaluator.Result ok =
          dmn.evaluate(graph.key, graph.resource, decision.decisionId, variables);
      result.output(DecisionAudit.json(ok.output()));
      evaluated = ok.evaluated();
    } catch (DmnEvaluator.EvaluationFailed e) {
      failure = e;
      evaluated = e.evaluated();
      result
          .output("null")
          .failedDecisionDefinitionId(e.failedDecisionId())
          .failureMessage(e.getMessage());
    }
    int index = 1;
    for (DmnEvaluator.Evaluated e : evaluated) {
      result.addEvaluatedDecisionsItem(evaluatedDecision(graph, e, evaluationKey, index++));
    }
    DecisionAudit.record(
        state,
        evaluationKey,
        processor.now(),
        graph,
        evaluated,
        failure,
        DecisionAudit.Caller.NONE);
    return result;
  }

  private static EvaluatedDecisionResult evaluatedDecision(
      DecisionRequirements graph, DmnEvaluator.Evaluated e, long evaluationKey, int index) {
    DecisionRequirements.Decision decision = DecisionAudit.decision(graph, e.decisionId());
    EvaluatedDecisionResult item =
        new EvaluatedDecisionResult()
            .decisionDefinitionId(e.decisionId())
            .decisionDefinitionType(e.decisionType())
            .output(DecisionAudit.json(e.output()))
            .tenantId(graph.tenantId)
            .decisionEvaluationInstanceKey(evaluationKey + "-" + index)
            .matchedRules(DecisionAudit.matchedRules(e))
            .evaluatedInputs(DecisionAudit.inputs(e));
    if (decision != null) {
      item.decisionDefinitionKey(String.valueOf(decision.key))
          .decisionDefinitionName(decision.name)
          .decisionDefinitionVersion(decision.version);
    }
    return item;
  }

  static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
  }

  static long parseKey(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw EngineException.invalidArgument(
          "Expected decisionDefinitionKey to be a numeric key, but it was '" + value + "'");
    }
  }
}
