package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Exclusive and inclusive gateway decisions, and parallel and inclusive joins. */
final class Gateways {
  private final ProcessExecutor executor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final IncidentRaiser incidents;

  Gateways(
      ProcessExecutor executor, EngineState state, FeelExpressions feel, IncidentRaiser incidents) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
  }

  void activateExclusive(ElementInstance instance, FlowNode node) {
    if (node.outgoing.size() <= 1
        && (node.outgoing.isEmpty() || node.outgoing.get(0).condition() == null)) {
      executor.complete(instance, node.outgoing);
      return;
    }
    Map<String, Object> context = state.visibleVariables(instance.key);
    try {
      for (SequenceFlow flow : node.outgoing) {
        if (flow.condition() != null && feel.evaluateCondition(flow.condition(), context)) {
          executor.complete(instance, List.of(flow));
          return;
        }
      }
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(instance, "CONDITION_ERROR", e.getMessage());
      return;
    }
    takeDefaultOrRaise(instance, node);
  }

  void activateInclusive(ElementInstance instance, FlowNode node) {
    Map<String, Object> context = state.visibleVariables(instance.key);
    List<SequenceFlow> taken = new ArrayList<>();
    try {
      for (SequenceFlow flow : node.outgoing) {
        if (flow.id().equals(node.defaultFlowId)) {
          continue;
        }
        if (flow.condition() == null || feel.evaluateCondition(flow.condition(), context)) {
          taken.add(flow);
        }
      }
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(instance, "CONDITION_ERROR", e.getMessage());
      return;
    }
    if (!taken.isEmpty() || node.outgoing.isEmpty()) {
      executor.complete(instance, taken);
      return;
    }
    takeDefaultOrRaise(instance, node);
  }

  private void takeDefaultOrRaise(ElementInstance instance, FlowNode node) {
    if (node.defaultFlowId != null) {
      executor.complete(instance, List.of(executor.model(instance).flow(node.defaultFlowId)));
      return;
    }
    incidents.raise(
        instance,
        "CONDITION_ERROR",
        "Expected at least one condition to evaluate to true, or to have a default flow",
        Incident.RetryAction.ACTIVATE_ELEMENT,
        -1);
  }

  /** A token arrived at a joining gateway: activate it once the join is satisfied. */
  void tryJoin(ElementInstance scope, FlowNode gateway) {
    boolean all = gateway.incoming.stream().allMatch(in -> tokens(scope, in) > 0);
    boolean ready =
        all
            || (gateway.type == ElementType.INCLUSIVE_GATEWAY
                && gateway.incoming.stream().anyMatch(in -> tokens(scope, in) > 0)
                && !anyActiveChildCanReach(scope, gateway));
    if (!ready) {
      return;
    }
    for (SequenceFlow in : gateway.incoming) {
      scope.joinTokens.computeIfPresent(in.id(), (k, v) -> v > 1 ? v - 1 : null);
    }
    state.putElementInstance(scope);
    executor.activate(scope, gateway, null);
  }

  /** After something in the scope ended, an inclusive join may no longer wait for it. */
  void retryInclusiveJoins(ElementInstance scope) {
    ProcessModel model = executor.model(scope);
    Set<String> gatewayIds = new HashSet<>();
    for (String flowId : scope.joinTokens.keySet()) {
      SequenceFlow flow = model.flow(flowId);
      if (flow != null && model.node(flow.targetId()).type == ElementType.INCLUSIVE_GATEWAY) {
        gatewayIds.add(flow.targetId());
      }
    }
    for (String id : gatewayIds) {
      tryJoin(scope, model.node(id));
    }
  }

  private static int tokens(ElementInstance scope, SequenceFlow flow) {
    return scope.joinTokens.getOrDefault(flow.id(), 0);
  }

  private boolean anyActiveChildCanReach(ElementInstance scope, FlowNode gateway) {
    ProcessModel model = executor.model(scope);
    for (ElementInstance child : state.children(scope.key)) {
      if (reaches(model, model.node(child.elementId), gateway.id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reaches(ProcessModel model, FlowNode from, String targetId) {
    Deque<FlowNode> open = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    open.add(from);
    while (!open.isEmpty()) {
      FlowNode node = open.poll();
      if (!seen.add(node.id)) {
        continue;
      }
      for (SequenceFlow flow : node.outgoing) {
        if (flow.targetId().equals(targetId)) {
          return true;
        }
        open.add(model.node(flow.targetId()));
      }
      for (String boundaryId : node.boundaryEventIds) {
        open.add(model.node(boundaryId));
      }
    }
    return false;
  }
}
