package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signal broadcasts, from the API or from a signal throw or end event of a process. */
final class Signals {
  private final EngineState state;
  private final FeelExpressions feel;
  private final ProcessExecutor executor;
  private final IncidentRaiser incidents;
  private final MessageCorrelation correlation;

  Signals(
      EngineState state,
      FeelExpressions feel,
      ProcessExecutor executor,
      IncidentRaiser incidents,
      MessageCorrelation correlation) {
    this.state = state;
    this.feel = feel;
    this.executor = executor;
    this.incidents = incidents;
    this.correlation = correlation;
  }

  /** Broadcasts a signal to every subscription and signal start event of the tenant. */
  List<Long> broadcast(String tenantId, String name, Map<String, Object> variables) {
    List<Long> reached = new ArrayList<>();
    for (MessageSubscription subscription :
        List.copyOf(state.signalSubscriptionsFor(tenantId, name))) {
      reached.add(subscription.processInstanceKey);
      correlation.trigger(subscription, variables);
    }
    for (ProcessDefinition definition : List.copyOf(state.processVersions.latestOfAll())) {
      if (!definition.tenantId.equals(tenantId)) {
        continue;
      }
      for (FlowNode start : definition.model.signalStartEvents()) {
        if (name.equals(start.signalName)) {
          reached.add(executor.createProcessInstance(definition, variables, start.id, null).key);
        }
      }
    }
    return reached;
  }

  /** A signal throw or end event: the signal carries the event's input-mapped variables. */
  void broadcastFromProcess(ElementInstance instance, FlowNode node) {
    String name;
    try {
      name =
          feel.evaluateString(node.signalName, state.visibleVariables(instance.key), "signal name");
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    broadcast(instance.tenantId, name, new LinkedHashMap<>(state.variables.local(instance.key)));
  }
}
