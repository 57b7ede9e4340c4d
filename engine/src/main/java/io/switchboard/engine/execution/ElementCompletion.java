package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import java.util.List;
import java.util.Map;

/**
 * Leaving an element: its output mappings, its end listeners, then the sequence flows it takes (a
 * joining gateway counts the token instead of activating), or the completion check of its scope.
 */
final class ElementCompletion {
  private final ProcessExecutor executor;
  private final EngineState state;
  private final VariableMerger variables;
  private final IncidentRaiser incidents;
  private final ExecutionListenerJobs listeners;
  private final MultiInstances multiInstances;
  private final ScopeLifecycle scopes;

  ElementCompletion(
      ProcessExecutor executor,
      EngineState state,
      VariableMerger variables,
      IncidentRaiser incidents,
      ExecutionListenerJobs listeners,
      MultiInstances multiInstances,
      ScopeLifecycle scopes) {
    this.executor = executor;
    this.state = state;
    this.variables = variables;
    this.incidents = incidents;
    this.listeners = listeners;
    this.multiInstances = multiInstances;
    this.scopes = scopes;
  }

  void complete(ElementInstance instance, List<SequenceFlow> outgoing) {
    FlowNode node = executor.node(instance);
    boolean body = instance.elementType == ElementType.MULTI_INSTANCE_BODY;
    if (!body && node.hasOutputMappings()) {
      try {
        Map<String, Object> outputs = variables.evaluateOutputs(instance, node.outputs);
        variables.propagate(instance.flowScopeKey, outputs);
      } catch (FeelEvaluationException e) {
        instance.state = ElementInstance.State.COMPLETING;
        state.putElementInstance(instance);
        incidents.raise(
            instance,
            "IO_MAPPING_ERROR",
            e.getMessage(),
            Incident.RetryAction.COMPLETE_ELEMENT,
            -1);
        return;
      }
    }
    if (!body && listeners.endPending(instance, node)) {
      return; // the element is left once its end listeners have completed
    }
    leave(instance, node, outgoing, body);
  }

  /** The element's instance goes away and its token moves on. */
  void leave(ElementInstance instance, FlowNode node, List<SequenceFlow> outgoing, boolean body) {
    ElementInstance scope = state.elementInstances.get(instance.flowScopeKey);
    if (scope != null && scope.elementType == ElementType.MULTI_INSTANCE_BODY) {
      multiInstances.collectOutput(scope, instance, node);
      scopes.removeInstance(instance, ProcessExecutor.COMPLETED);
      executor.agenda().enqueue(() -> multiInstances.innerCompleted(scope, node));
      return;
    }
    if (body) {
      multiInstances.propagateOutputCollection(instance, node);
    }
    if (node.compensationHandlerId != null) {
      ElementInstance pi = state.elementInstances.get(instance.processInstanceKey);
      pi.compensable.add(node.id);
      state.putElementInstance(pi);
    }
    long waitingThrow = instance.compensationThrowKey;
    scopes.removeInstance(instance, ProcessExecutor.COMPLETED);
    if (waitingThrow >= 0) {
      executor.agenda().enqueue(() -> executor.eventThrows().compensationHandlerDone(waitingThrow));
    }
    if (outgoing.isEmpty()) {
      executor.agenda().enqueue(() -> scopes.completeScopeIfDone(scope));
      return;
    }
    for (SequenceFlow flow : outgoing) {
      executor.agenda().enqueueInScope(scope, () -> takeFlow(scope, flow));
    }
  }

  private void takeFlow(ElementInstance scope, SequenceFlow flow) {
    if (!state.elementInstances.contains(scope.key)) {
      return; // the scope was terminated meanwhile
    }
    state.takenFlows.record(scope, flow.id(), state.keys);
    FlowNode target = executor.model(scope).node(flow.targetId());
    if ((target.type == ElementType.PARALLEL_GATEWAY
            || target.type == ElementType.INCLUSIVE_GATEWAY)
        && target.incoming.size() > 1) {
      scope.joinTokens.merge(flow.id(), 1, Integer::sum);
      state.putElementInstance(scope);
      executor.gateways().tryJoin(scope, target);
      return;
    }
    executor.activate(scope, target, null);
  }
}
