package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each element type does once it is activated (its input mappings applied and its start
 * listeners done): pass straight through, decide a gateway, open a wait state, enter a scope, call
 * a process, evaluate a script or a decision.
 */
final class ElementBehaviors {
  private final ProcessExecutor executor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final IncidentRaiser incidents;
  private final Gateways gateways;
  private final CallActivities callActivities;
  private DecisionEvaluator decisions =
      (instance, node, vars) -> {
        throw new DecisionEvaluator.DecisionEvaluationException(
            "CALLED_DECISION_ERROR", "no DMN engine is configured");
      };

  ElementBehaviors(
      ProcessExecutor executor,
      EngineState state,
      FeelExpressions feel,
      IncidentRaiser incidents,
      Gateways gateways,
      CallActivities callActivities) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
    this.gateways = gateways;
    this.callActivities = callActivities;
  }

  void setDecisionEvaluator(DecisionEvaluator decisions) {
    this.decisions = decisions;
  }

  void run(ElementInstance instance, FlowNode node) {
    WaitStates waitStates = executor.waitStates();
    switch (node.type) {
      case PROCESS -> executor.startProcess(instance, node);
      case START_EVENT, PARALLEL_GATEWAY, BOUNDARY_EVENT, MANUAL_TASK, TASK ->
          executor.complete(instance, node.outgoing);
      case EXCLUSIVE_GATEWAY -> gateways.activateExclusive(instance, node);
      case INCLUSIVE_GATEWAY -> gateways.activateInclusive(instance, node);
      case EVENT_BASED_GATEWAY -> waitStates.openEventBasedGateway(instance, node);
      case INTERMEDIATE_THROW_EVENT -> executor.eventThrows().activateThrowEvent(instance, node);
      case END_EVENT -> executor.eventThrows().activateEndEvent(instance, node);
      case SUB_PROCESS -> enterSubprocess(instance, node, waitStates);
      case EVENT_SUB_PROCESS -> waitStates.enterEventSubprocess(instance);
      case CALL_ACTIVITY -> {
        if (waitStates.openBoundaryEvents(instance, node)) {
          callActivities.activate(instance, node);
        }
      }
      case SCRIPT_TASK -> {
        if (node.scriptExpression != null) {
          runScript(instance, node);
        } else {
          waitStates.enterWaitState(instance, node);
        }
      }
      case BUSINESS_RULE_TASK -> {
        if (node.calledDecision != null) {
          runDecision(instance, node);
        } else {
          waitStates.enterWaitState(instance, node);
        }
      }
      case INTERMEDIATE_CATCH_EVENT -> {
        if (node.eventKind == EventKind.LINK) {
          executor.complete(instance, node.outgoing);
        } else {
          waitStates.enterWaitState(instance, node);
        }
      }
      default -> waitStates.enterWaitState(instance, node);
    }
  }

  private void enterSubprocess(ElementInstance instance, FlowNode node, WaitStates waitStates) {
    if (waitStates.openBoundaryEvents(instance, node)) {
      executor.markActive(instance);
      waitStates.openEventSubprocessTriggers(instance, node);
      FlowNode start = executor.model(instance).node(node.innerStartEventId);
      executor.agenda().enqueueInScope(instance, () -> executor.activate(instance, start, null));
    }
  }

  private void runScript(ElementInstance instance, FlowNode node) {
    Object result;
    try {
      result = feel.evaluateFeel(node.scriptExpression, state.visibleVariables(instance.key));
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    completeWithResult(instance, node, node.resultVariable, result);
  }

  private void runDecision(ElementInstance instance, FlowNode node) {
    Object result;
    try {
      result = decisions.evaluate(instance, node, state.visibleVariables(instance.key));
    } catch (DecisionEvaluator.DecisionEvaluationException e) {
      incidents.activationFailed(instance, e.errorType(), e.getMessage());
      return;
    }
    completeWithResult(instance, node, node.calledDecision.resultVariable(), result);
  }

  private void completeWithResult(
      ElementInstance instance, FlowNode node, String resultVariable, Object result) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(resultVariable, result);
    executor.applyEventVariables(instance, node, value);
    executor.complete(instance, node.outgoing);
  }
}
