package io.switchboard.engine.execution;

import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.ExecutionListener;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scopes begin and end here: a process instance is created with its variables and event subprocess
 * triggers; a scope completes once nothing is left in it; termination goes down through everything
 * inside an element, called process instances included.
 */
final class ScopeLifecycle {
  private final ProcessExecutor executor;
  private final CommandProcessor processor;
  private final EngineState state;
  private final IncidentRaiser incidents;
  private final ExecutionListenerJobs listeners;
  private final Gateways gateways;
  private final CallActivities callActivities;
  private ProcessExecutor.CompletionListener completionListener = (pi, vars, terminated) -> {};

  ScopeLifecycle(
      ProcessExecutor executor,
      CommandProcessor processor,
      IncidentRaiser incidents,
      ExecutionListenerJobs listeners,
      Gateways gateways,
      CallActivities callActivities) {
    this.executor = executor;
    this.listeners = listeners;
    this.processor = processor;
    this.state = processor.state();
    this.incidents = incidents;
    this.gateways = gateways;
    this.callActivities = callActivities;
  }

  void setCompletionListener(ProcessExecutor.CompletionListener listener) {
    this.completionListener = listener;
  }

  /**
   * A process instance, started at {@code startEventId}; with process start listeners, they run
   * first and the event subprocess triggers and the start event wait for them, as in Zeebe.
   */
  ElementInstance createProcessInstance(
      ProcessDefinition definition,
      Map<String, Object> initialVariables,
      String startEventId,
      String startCorrelationKey,
      ElementInstance caller) {
    FlowNode root = definition.model.node(definition.bpmnProcessId);
    if (root.listeners(ExecutionListener.EventType.START).isEmpty()) {
      ElementInstance pi =
          newProcessInstance(definition, initialVariables, startCorrelationKey, caller);
      FlowNode start = definition.model.node(startEventId);
      executor.agenda().enqueueInScope(pi, () -> executor.activate(pi, start, null));
      return pi;
    }
    ElementInstance pi = processInstance(definition, initialVariables, startCorrelationKey, caller);
    pi.startEventId = startEventId;
    state.putElementInstance(pi);
    executor.agenda().enqueueInScope(pi, () -> executor.runActivation(pi, root));
    return pi;
  }

  /** The process's own behaviour, after its start listeners: its triggers and its start event. */
  void startProcess(ElementInstance pi, FlowNode root) {
    executor.waitStates().openEventSubprocessTriggers(pi, root);
    FlowNode start = executor.model(pi).node(pi.startEventId);
    executor.agenda().enqueueInScope(pi, () -> executor.activate(pi, start, null));
  }

  /** A process instance with its variables and event subprocess triggers, no token yet. */
  ElementInstance newProcessInstance(
      ProcessDefinition definition,
      Map<String, Object> initialVariables,
      String startCorrelationKey,
      ElementInstance caller) {
    ElementInstance pi = processInstance(definition, initialVariables, startCorrelationKey, caller);
    FlowNode root = definition.model.node(definition.bpmnProcessId);
    executor.waitStates().openEventSubprocessTriggers(pi, root);
    return pi;
  }

  private ElementInstance processInstance(
      ProcessDefinition definition,
      Map<String, Object> initialVariables,
      String startCorrelationKey,
      ElementInstance caller) {
    ElementInstance pi = new ElementInstance();
    pi.key = state.keys.nextKey();
    pi.processInstanceKey = pi.key;
    pi.processDefinitionKey = definition.key;
    pi.bpmnProcessId = definition.bpmnProcessId;
    pi.version = definition.version;
    pi.tenantId = definition.tenantId;
    pi.elementId = definition.bpmnProcessId;
    pi.elementType = ElementType.PROCESS;
    pi.state = ElementInstance.State.ACTIVE;
    pi.startTime = processor.now();
    pi.startCorrelationKey = startCorrelationKey;
    if (caller != null) {
      pi.parentProcessInstanceKey = caller.processInstanceKey;
      pi.parentElementInstanceKey = caller.key;
    }
    state.putElementInstance(pi);
    executor.variables().setLocal(pi, initialVariables);
    return pi;
  }

  /** A new element instance of {@code node} in {@code scope}, not yet stored. */
  ElementInstance newInstance(ElementInstance scope, FlowNode node) {
    ElementInstance instance = new ElementInstance();
    instance.key = state.keys.nextKey();
    instance.processInstanceKey = scope.processInstanceKey;
    instance.processDefinitionKey = scope.processDefinitionKey;
    instance.bpmnProcessId = scope.bpmnProcessId;
    instance.version = scope.version;
    instance.tenantId = scope.tenantId;
    instance.elementId = node.id;
    instance.elementType = node.type;
    instance.flowScopeKey = scope.key;
    instance.startTime = processor.now();
    return instance;
  }

  void completeScopeIfDone(ElementInstance scope) {
    if (scope == null || !state.elementInstances.contains(scope.key)) {
      return;
    }
    if (!scope.joinTokens.isEmpty()) {
      gateways.retryInclusiveJoins(scope);
    }
    if (!state.children(scope.key).isEmpty()
        || !scope.joinTokens.isEmpty()
        || executor.hasPendingSteps(scope)) {
      return;
    }
    if (scope.elementType == ElementType.MULTI_INSTANCE_BODY) {
      return; // bodies complete through their inner instances
    }
    if (scope.isProcessInstance()) {
      completeProcessInstance(scope);
    } else if (scope.elementType == ElementType.EVENT_SUB_PROCESS) {
      executor.complete(scope, List.of());
    } else {
      executor.complete(scope, executor.node(scope).outgoing);
    }
  }

  /** A process instance with nothing left in it: its end listeners, then its end. */
  void completeProcessInstance(ElementInstance pi) {
    if (pi.jobKey >= 0) {
      return; // an end listener's job is pending
    }
    if (!listeners.endPending(pi, executor.node(pi))) {
      endProcessInstance(pi, false);
    }
  }

  void endProcessInstance(ElementInstance pi, boolean terminated) {
    Map<String, Object> rootVariables = new LinkedHashMap<>(state.variables.local(pi.key));
    incidents.resolveAllOf(pi.key);
    removeInstance(pi, terminated ? ProcessExecutor.TERMINATED : ProcessExecutor.COMPLETED);
    completionListener.ended(pi, rootVariables, terminated);
    if (!terminated && pi.parentElementInstanceKey >= 0) {
      callActivities.childCompleted(pi, rootVariables);
    }
  }

  /** Terminates an element instance and everything inside it. */
  void terminate(ElementInstance instance) {
    terminateChildren(instance);
    if (instance.elementType == ElementType.CALL_ACTIVITY) {
      callActivities.terminateChild(instance);
    }
    incidents.resolveAllOf(instance.key);
    removeInstance(instance, ProcessExecutor.TERMINATED);
  }

  void terminateChildren(ElementInstance scope) {
    for (ElementInstance child : new ArrayList<>(state.children(scope.key))) {
      terminate(child);
    }
  }

  /** Ends a called process instance whose call activity went away. */
  void terminateProcessInstance(ElementInstance pi) {
    terminateChildren(pi);
    incidents.resolveAllOf(pi.key);
    removeInstance(pi, ProcessExecutor.TERMINATED);
    completionListener.ended(pi, Map.of(), true);
  }

  void removeInstance(ElementInstance instance, String reason) {
    executor.waitStates().leaveWaitState(instance);
    state.removeElementInstance(instance.key, reason);
  }
}
