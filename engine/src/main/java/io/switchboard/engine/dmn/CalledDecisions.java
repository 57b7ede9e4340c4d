package io.switchboard.engine.dmn;

import io.switchboard.engine.execution.DecisionEvaluator;
import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.CalledDecision;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.DecisionRequirements;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.ProcessDefinition;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions business rule tasks call: resolves the binding (latest, the caller's deployment, a
 * version tag) in the instance's tenant and evaluates the decision. No such decision is a {@code
 * CALLED_DECISION_ERROR}, a failing one a {@code DECISION_EVALUATION_ERROR}, as in Zeebe; both
 * messages name the decision. Every evaluation, failed ones included, is kept as decision instances
 * of the task's element instance.
 */
public final class CalledDecisions implements DecisionEvaluator {
  private final EngineState state;
  private final FeelExpressions feel;
  private final DmnEvaluator dmn;
  private final Clock clock;

  /**
   * @param clock dates the decision instances
   */
  public CalledDecisions(EngineState state, FeelExpressions feel, DmnEvaluator dmn, Clock clock) {
    this.state = state;
    this.feel = feel;
    this.dmn = dmn;
    this.clock = clock;
  }

  @Override
  public Object evaluate(ElementInstance instance, FlowNode node, Map<String, Object> variables) {
    CalledDecision called = node.calledDecision;
    String decisionId;
    try {
      decisionId = feel.evaluateString(called.decisionId(), variables, "decision id");
    } catch (FeelEvaluationException e) {
      throw new DecisionEvaluationException("EXTRACT_VALUE_ERROR", e.getMessage());
    }
    DecisionLookup.Found found =
        find(instance, called, decisionId)
            .orElseThrow(
                () ->
                    new DecisionEvaluationException(
                        "CALLED_DECISION_ERROR",
                        "Expected to evaluate decision '"
                            + decisionId
                            + "', but no decision found for id '"
                            + decisionId
                            + "'"
                            + describeBinding(called)));
    DecisionRequirements graph = found.requirements();
    long evaluationKey = state.keys.nextKey();
    DecisionAudit.Caller caller =
        new DecisionAudit.Caller(
            instance.processDefinitionKey, instance.processInstanceKey, instance.key);
    try {
      DmnEvaluator.Result result = dmn.evaluate(graph.key, graph.resource, decisionId, variables);
      DecisionAudit.record(
          state, evaluationKey, clock.millis(), graph, result.evaluated(), null, caller);
      return result.output();
    } catch (DmnEvaluator.EvaluationFailed e) {
      DecisionAudit.record(state, evaluationKey, clock.millis(), graph, e.evaluated(), e, caller);
      throw new DecisionEvaluationException("DECISION_EVALUATION_ERROR", e.getMessage());
    }
  }

  private Optional<DecisionLookup.Found> find(
      ElementInstance instance, CalledDecision called, String decisionId) {
    String tenantId = instance.tenantId;
    return switch (called.binding()) {
      case LATEST -> DecisionLookup.latest(state, tenantId, decisionId);
      case VERSION_TAG ->
          DecisionLookup.withVersionTag(state, tenantId, decisionId, called.versionTag());
      case DEPLOYMENT -> {
        ProcessDefinition caller = state.definitions.get(instance.processDefinitionKey);
        yield caller == null
            ? Optional.empty()
            : DecisionLookup.ofDeployment(state, tenantId, decisionId, caller.deploymentKey);
      }
    };
  }

  private static String describeBinding(CalledDecision called) {
    return switch (called.binding()) {
      case LATEST -> "";
      case VERSION_TAG -> " with version tag '" + called.versionTag() + "'";
      case DEPLOYMENT -> " in the deployment of the calling process";
    };
  }
}
