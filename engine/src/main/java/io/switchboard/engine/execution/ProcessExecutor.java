package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Moves tokens through a process: activates elements, completes them, takes sequence flows,
 * completes scopes and terminates what an interrupting event cuts off. Follow-up steps go
 * through a queue rather than recursion, as Zeebe's follow-up commands do, so long chains of
 * elements without wait states do not grow the stack.
 */
public final class ProcessExecutor {
  private final CommandProcessor processor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final VariableMerger variables;
  private final IncidentRaiser incidents;
  static final String COMPLETED = "COMPLETED";
  static final String TERMINATED = "TERMINATED";
  private final Deque<Runnable> work = new ArrayDeque<>();
  private WaitStates waitStates;
  private CompletionListener completionListener = (pi, vars, terminated) -> {};

  /** Told when a process instance ends, with its root variables. */
  public interface CompletionListener {
    void ended(ElementInstance processInstance, Map<String, Object> variables, boolean terminated);
  }

  public ProcessExecutor(
      CommandProcessor processor, FeelExpressions feel, VariableMerger variables, IncidentRaiser incidents) {
    this.processor = processor;
    this.state = processor.state();
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  void setWaitStates(WaitStates waitStates) {
    this.waitStates = waitStates;
  }

  public void setCompletionListener(CompletionListener listener) {
    this.completionListener = listener;
  }

  public VariableMerger variables() {
    return variables;
  }

  public ProcessModel model(ElementInstance instance) {
    return definition(instance.processDefinitionKey).model;
  }

  public ProcessDefinition definition(long key) {
    return state.definitions.get(key);
  }

  /** Runs queued follow-up steps until the process reaches wait states. */
  public void drain() {
    Runnable step;
    while ((step = work.poll()) != null) {
      step.run();
    }
  }

  void enqueue(Runnable step) {
    work.add(step);
  }

  // ---- process instances

  public ElementInstance createProcessInstance(
      ProcessDefinition definition,
      Map<String, Object> initialVariables,
      String startEventId,
      String startCorrelationKey) {
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
    state.putElementInstance(pi);
    variables.setLocal(pi, initialVariables);
    FlowNode start = definition.model.node(startEventId);
    enqueue(() -> activate(pi, start, null));
    return pi;
  }

  public void cancelProcessInstance(ElementInstance pi) {
    terminateChildren(pi);
    endProcessInstance(pi, true);
  }

  // ---- activation

  /** Creates an element instance in {@code scope} and activates it. */
  public ElementInstance activate(ElementInstance scope, FlowNode node, Map<String, Object> eventVariables) {
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
    state.putElementInstance(instance);
    if (eventVariables != null && !eventVariables.isEmpty()) {
      applyEventVariables(instance, node, eventVariables);
    }
    runActivation(instance, node);
    return instance;
  }

  /** Message or error variables arriving at a catching element, as Zeebe merges them. */
  void applyEventVariables(ElementInstance instance, FlowNode node, Map<String, Object> values) {
    if (node.hasOutputMappings()) {
      variables.setLocal(instance, values);
    } else {
      variables.propagate(instance.key, values);
    }
  }

  /** (Re-)runs the activation of an instance in ACTIVATING state; also the incident retry. */
  public void runActivation(ElementInstance instance, FlowNode node) {
    if (!node.inputs.isEmpty()) {
      try {
        variables.setLocal(instance, variables.evaluateInputs(instance, node.inputs));
      } catch (FeelEvaluationException e) {
        incidents.raise(instance, "IO_MAPPING_ERROR", e.getMessage(), Incident.RetryAction.ACTIVATE_ELEMENT, -1);
        state.putElementInstance(instance);
        return;
      }
    }
    switch (node.type) {
      case START_EVENT, INTERMEDIATE_THROW_EVENT, PARALLEL_GATEWAY, BOUNDARY_EVENT -> complete(instance, node.outgoing);
      case EXCLUSIVE_GATEWAY -> activateExclusiveGateway(instance, node);
      case END_EVENT -> activateEndEvent(instance, node);
      case SUB_PROCESS -> {
        if (waitStates.openBoundaryEvents(instance, node)) {
          markActive(instance);
          ProcessModel model = model(instance);
          enqueue(() -> activate(instance, model.node(node.innerStartEventId), null));
        }
      }
      default -> waitStates.enterWaitState(instance, node);
    }
  }

  void markActive(ElementInstance instance) {
    instance.state = ElementInstance.State.ACTIVE;
    state.putElementInstance(instance);
  }

  private void activateExclusiveGateway(ElementInstance instance, FlowNode node) {
    if (node.outgoing.size() <= 1) {
      complete(instance, node.outgoing);
      return;
    }
    Map<String, Object> context = state.visibleVariables(instance.key);
    try {
      for (SequenceFlow flow : node.outgoing) {
        if (flow.condition() != null && feel.evaluateCondition(flow.condition(), context)) {
          complete(instance, List.of(flow));
          return;
        }
      }
    } catch (FeelEvaluationException e) {
      incidents.raise(instance, "CONDITION_ERROR", e.getMessage(), Incident.RetryAction.ACTIVATE_ELEMENT, -1);
      return;
    }
    if (node.defaultFlowId != null) {
      complete(instance, List.of(model(instance).flow(node.defaultFlowId)));
      return;
    }
    incidents.raise(
        instance,
        "CONDITION_ERROR",
        "Expected at least one condition to evaluate to true, or to have a default flow",
        Incident.RetryAction.ACTIVATE_ELEMENT,
        -1);
  }

  private void activateEndEvent(ElementInstance instance, FlowNode node) {
    if (node.eventKind == EventKind.ERROR) {
      if (!waitStates.throwError(instance, node.errorCode, "", Map.of())) {
        incidents.raise(
            instance,
            "UNHANDLED_ERROR_EVENT",
            "Expected to throw an error event with the code '"
                + node.errorCode
                + "', but it was not caught. No error events are available in the scope.",
            Incident.RetryAction.ACTIVATE_ELEMENT,
            -1);
      }
      return;
    }
    if (node.eventKind == EventKind.TERMINATE) {
      ElementInstance scope = state.elementInstances.get(instance.flowScopeKey);
      removeInstance(instance, COMPLETED);
      for (ElementInstance sibling : state.children(scope.key)) {
        terminate(sibling);
      }
      scope.joinTokens.clear();
      state.putElementInstance(scope);
      enqueue(() -> completeScopeIfDone(scope));
      return;
    }
    complete(instance, List.of());
  }

  // ---- completion

  /**
   * Completes an element: output mappings into the flow scope, wait-state cleanup, then the
   * given outgoing flows. Also the retry of an output-mapping incident.
   */
  public void complete(ElementInstance instance, List<SequenceFlow> outgoing) {
    FlowNode node = model(instance).node(instance.elementId);
    if (node.hasOutputMappings()) {
      try {
        Map<String, Object> outputs = variables.evaluateOutputs(instance, node.outputs);
        variables.propagate(instance.flowScopeKey, outputs);
      } catch (FeelEvaluationException e) {
        instance.state = ElementInstance.State.COMPLETING;
        state.putElementInstance(instance);
        incidents.raise(instance, "IO_MAPPING_ERROR", e.getMessage(), Incident.RetryAction.COMPLETE_ELEMENT, -1);
        return;
      }
    }
    ElementInstance scope = state.elementInstances.get(instance.flowScopeKey);
    removeInstance(instance, COMPLETED);
    if (outgoing.isEmpty()) {
      enqueue(() -> completeScopeIfDone(scope));
      return;
    }
    for (SequenceFlow flow : outgoing) {
      enqueue(() -> takeFlow(scope, flow));
    }
  }

  /** The incident retry of a completion: the element's own outgoing flows again. */
  public void retryCompletion(ElementInstance instance) {
    FlowNode node = model(instance).node(instance.elementId);
    complete(instance, node.type == ElementType.END_EVENT ? List.of() : node.outgoing);
  }

  private void takeFlow(ElementInstance scope, SequenceFlow flow) {
    if (!state.elementInstances.contains(scope.key)) {
      return; // the scope was terminated meanwhile
    }
    FlowNode target = model(scope).node(flow.targetId());
    if (target.type == ElementType.PARALLEL_GATEWAY && target.incoming.size() > 1) {
      scope.joinTokens.merge(flow.id(), 1, Integer::sum);
      boolean ready =
          target.incoming.stream().allMatch(in -> scope.joinTokens.getOrDefault(in.id(), 0) > 0);
      if (ready) {
        for (SequenceFlow in : target.incoming) {
          scope.joinTokens.computeIfPresent(in.id(), (k, v) -> v > 1 ? v - 1 : null);
        }
      }
      state.putElementInstance(scope);
      if (!ready) {
        return;
      }
    }
    activate(scope, target, null);
  }

  private void completeScopeIfDone(ElementInstance scope) {
    if (scope == null
        || !state.elementInstances.contains(scope.key)
        || !state.children(scope.key).isEmpty()
        || !scope.joinTokens.isEmpty()) {
      return;
    }
    if (scope.isProcessInstance()) {
      endProcessInstance(scope, false);
    } else {
      complete(scope, model(scope).node(scope.elementId).outgoing);
    }
  }

  private void endProcessInstance(ElementInstance pi, boolean terminated) {
    Map<String, Object> rootVariables = new java.util.LinkedHashMap<>(state.variables.local(pi.key));
    incidents.resolveAllOf(pi.key);
    removeInstance(pi, terminated ? TERMINATED : COMPLETED);
    completionListener.ended(pi, rootVariables, terminated);
  }

  // ---- termination

  /** Terminates an element instance and everything inside it. */
  public void terminate(ElementInstance instance) {
    terminateChildren(instance);
    incidents.resolveAllOf(instance.key);
    removeInstance(instance, TERMINATED);
  }

  private void terminateChildren(ElementInstance scope) {
    for (ElementInstance child : state.children(scope.key)) {
      terminate(child);
    }
  }

  private void removeInstance(ElementInstance instance, String reason) {
    waitStates.leaveWaitState(instance);
    state.removeElementInstance(instance.key, reason);
  }
}
