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
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves tokens through a process: activates elements, completes them, takes sequence flows,
 * completes scopes and terminates what an interrupting event cuts off. Follow-up steps go through a
 * queue rather than recursion, as Zeebe's follow-up commands do, so long chains of elements without
 * wait states do not grow the stack. Element kinds with more to them live in their own classes:
 * {@link MultiInstances}, {@link CallActivities}, {@link Gateways}, {@link EventThrows}.
 */
public final class ProcessExecutor {
  static final String COMPLETED = "COMPLETED";
  static final String TERMINATED = "TERMINATED";

  private final CommandProcessor processor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final VariableMerger variables;
  private final IncidentRaiser incidents;
  private final Deque<Runnable> work = new ArrayDeque<>();
  private final Map<Long, Integer> pendingSteps = new java.util.HashMap<>();
  private final MultiInstances multiInstances;
  private final CallActivities callActivities;
  private final Gateways gateways;
  private final ExecutionListenerJobs listeners;
  private WaitStates waitStates;
  private EventThrows eventThrows;
  private CompletionListener completionListener = (pi, vars, terminated) -> {};
  private DecisionEvaluator decisions =
      (instance, node, vars) -> {
        throw new DecisionEvaluator.DecisionEvaluationException(
            "CALLED_DECISION_ERROR", "no DMN engine is configured");
      };

  /** Told when a process instance ends, with its root variables. */
  public interface CompletionListener {
    void ended(ElementInstance processInstance, Map<String, Object> variables, boolean terminated);
  }

  public ProcessExecutor(
      CommandProcessor processor,
      FeelExpressions feel,
      VariableMerger variables,
      IncidentRaiser incidents) {
    this.processor = processor;
    this.state = processor.state();
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.multiInstances = new MultiInstances(this, state, feel, incidents);
    this.callActivities = new CallActivities(this, state, feel, incidents);
    this.gateways = new Gateways(this, state, feel, incidents);
    this.listeners = new ExecutionListenerJobs(processor, feel, variables, incidents);
  }

  void setWaitStates(WaitStates waitStates) {
    this.waitStates = waitStates;
    this.listeners.setWaitStates(waitStates);
    this.eventThrows = new EventThrows(this, waitStates, state, incidents);
  }

  public WaitStates waitStates() {
    return waitStates;
  }

  EventThrows eventThrows() {
    return eventThrows;
  }

  /** The DMN engine business rule tasks with a {@code zeebe:calledDecision} call. */
  public void setDecisionEvaluator(DecisionEvaluator decisions) {
    this.decisions = decisions;
  }

  public void setCompletionListener(CompletionListener listener) {
    this.completionListener = listener;
  }

  public VariableMerger variables() {
    return variables;
  }

  FeelExpressions feel() {
    return feel;
  }

  long now() {
    return processor.now();
  }

  public ProcessModel model(ElementInstance instance) {
    return definition(instance.processDefinitionKey).model;
  }

  public FlowNode node(ElementInstance instance) {
    return model(instance).node(instance.elementId);
  }

  public ProcessDefinition definition(long key) {
    return state.definitions.get(key);
  }

  /** Forgets queued steps of a command that failed; its state changes are discarded too. */
  public void reset() {
    work.clear();
    pendingSteps.clear();
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

  /**
   * Queues a step that will put a token into {@code scope}. Until it has run, the scope counts as
   * busy, so a completion check queued earlier cannot end the scope under the token.
   */
  void enqueueInScope(ElementInstance scope, Runnable step) {
    pendingSteps.merge(scope.key, 1, Integer::sum);
    work.add(
        () -> {
          pendingSteps.computeIfPresent(scope.key, (k, v) -> v > 1 ? v - 1 : null);
          step.run();
        });
  }

  /** Whether steps that will put a token into {@code scope} are still queued. */
  public boolean hasPendingSteps(ElementInstance scope) {
    return pendingSteps.containsKey(scope.key);
  }

  // ---- process instances

  public ElementInstance createProcessInstance(
      ProcessDefinition definition,
      Map<String, Object> initialVariables,
      String startEventId,
      String startCorrelationKey) {
    return createProcessInstance(
        definition, initialVariables, startEventId, startCorrelationKey, null);
  }

  ElementInstance createProcessInstance(
      ProcessDefinition definition,
      Map<String, Object> initialVariables,
      String startEventId,
      String startCorrelationKey,
      ElementInstance caller) {
    ElementInstance pi =
        newProcessInstance(definition, initialVariables, startCorrelationKey, caller);
    FlowNode start = definition.model.node(startEventId);
    enqueueInScope(pi, () -> activate(pi, start, null));
    return pi;
  }

  /** A process instance with its variables and event subprocess triggers, no token yet. */
  ElementInstance newProcessInstance(
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
    variables.setLocal(pi, initialVariables);
    FlowNode root = definition.model.node(definition.bpmnProcessId);
    waitStates.openEventSubprocessTriggers(pi, root);
    return pi;
  }

  public void cancelProcessInstance(ElementInstance pi) {
    terminateChildren(pi);
    endProcessInstance(pi, true);
  }

  // ---- activation

  /** Creates an element instance in {@code scope} and activates it. */
  public ElementInstance activate(
      ElementInstance scope, FlowNode node, Map<String, Object> eventVariables) {
    ElementInstance instance = newInstance(scope, node);
    if (node.loop != null) {
      instance.elementType = ElementType.MULTI_INSTANCE_BODY;
    }
    state.putElementInstance(instance);
    if (eventVariables != null && !eventVariables.isEmpty()) {
      applyEventVariables(instance, node, eventVariables);
    }
    runActivation(instance, node);
    return instance;
  }

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

  /** Activates a catch event whose trigger already happened, and moves on at once. */
  void activateTriggered(
      ElementInstance scope, FlowNode event, Map<String, Object> eventVariables) {
    ElementInstance instance = newInstance(scope, event);
    state.putElementInstance(instance);
    if (eventVariables != null && !eventVariables.isEmpty()) {
      applyEventVariables(instance, event, eventVariables);
    }
    complete(instance, event.outgoing);
  }

  /** Message, signal or error variables arriving at a catching element, as Zeebe merges them. */
  void applyEventVariables(ElementInstance instance, FlowNode node, Map<String, Object> values) {
    if (node.hasOutputMappings()) {
      variables.setLocal(instance, values);
    } else {
      variables.propagate(instance.key, values);
    }
  }

  /** (Re-)runs the activation of an instance in ACTIVATING state; also the incident retry. */
  public void runActivation(ElementInstance instance, FlowNode node) {
    if (instance.elementType == ElementType.MULTI_INSTANCE_BODY) {
      multiInstances.activateBody(instance, node);
      return;
    }
    if (!node.inputs.isEmpty()) {
      try {
        variables.setLocal(instance, variables.evaluateInputs(instance, node.inputs));
      } catch (FeelEvaluationException e) {
        incidents.raise(
            instance,
            "IO_MAPPING_ERROR",
            e.getMessage(),
            Incident.RetryAction.ACTIVATE_ELEMENT,
            -1);
        state.putElementInstance(instance);
        return;
      }
    }
    if (listeners.startPending(instance, node)) {
      return; // the element's behaviour runs once its start listeners have completed
    }
    runBehavior(instance, node);
  }

  private void runBehavior(ElementInstance instance, FlowNode node) {
    switch (node.type) {
      case START_EVENT, PARALLEL_GATEWAY, BOUNDARY_EVENT, MANUAL_TASK, TASK ->
          complete(instance, node.outgoing);
      case EXCLUSIVE_GATEWAY -> gateways.activateExclusive(instance, node);
      case INCLUSIVE_GATEWAY -> gateways.activateInclusive(instance, node);
      case EVENT_BASED_GATEWAY -> waitStates.openEventBasedGateway(instance, node);
      case INTERMEDIATE_THROW_EVENT -> eventThrows.activateThrowEvent(instance, node);
      case END_EVENT -> eventThrows.activateEndEvent(instance, node);
      case SUB_PROCESS -> {
        if (waitStates.openBoundaryEvents(instance, node)) {
          markActive(instance);
          waitStates.openEventSubprocessTriggers(instance, node);
          FlowNode start = model(instance).node(node.innerStartEventId);
          enqueueInScope(instance, () -> activate(instance, start, null));
        }
      }
      case EVENT_SUB_PROCESS -> markActive(instance);
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
          complete(instance, node.outgoing);
        } else {
          waitStates.enterWaitState(instance, node);
        }
      }
      default -> waitStates.enterWaitState(instance, node);
    }
  }

  /** Incident retry of an activation: whatever the failed attempt opened is closed first. */
  public void retryActivation(ElementInstance instance) {
    waitStates.leaveWaitState(instance);
    runActivation(instance, node(instance));
  }

  private void runScript(ElementInstance instance, FlowNode node) {
    Object result;
    try {
      result = feel.evaluateFeel(node.scriptExpression, state.visibleVariables(instance.key));
    } catch (FeelEvaluationException e) {
      incidents.raise(
          instance,
          "EXTRACT_VALUE_ERROR",
          e.getMessage(),
          Incident.RetryAction.ACTIVATE_ELEMENT,
          -1);
      return;
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(node.resultVariable, result);
    applyEventVariables(instance, node, value);
    complete(instance, node.outgoing);
  }

  private void runDecision(ElementInstance instance, FlowNode node) {
    Object result;
    try {
      result = decisions.evaluate(instance, node, state.visibleVariables(instance.key));
    } catch (DecisionEvaluator.DecisionEvaluationException e) {
      incidents.raise(
          instance, e.errorType(), e.getMessage(), Incident.RetryAction.ACTIVATE_ELEMENT, -1);
      return;
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(node.calledDecision.resultVariable(), result);
    applyEventVariables(instance, node, value);
    complete(instance, node.outgoing);
  }

  public void markActive(ElementInstance instance) {
    instance.state = ElementInstance.State.ACTIVE;
    state.putElementInstance(instance);
  }

  // ---- completion

  /**
   * Completes an element: output mappings into the flow scope, wait-state cleanup, then the given
   * outgoing flows. Also the retry of an output-mapping incident.
   */
  public void complete(ElementInstance instance, List<SequenceFlow> outgoing) {
    FlowNode node = node(instance);
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
    finishCompletion(instance, node, outgoing, body);
  }

  /**
   * An execution listener's job completed: the next listener's job, or else the element's behaviour
   * (after start listeners) or its leaving (after end listeners).
   */
  public void listenerJobCompleted(
      io.switchboard.engine.state.Job job, ElementInstance instance, Map<String, Object> values) {
    listeners.completed(job, instance, values);
    FlowNode node = node(instance);
    if (ExecutionListenerJobs.START.equals(job.listenerEventType)) {
      if (!listeners.startPending(instance, node)) {
        runBehavior(instance, node);
      }
    } else if (!listeners.endPending(instance, node)) {
      finishCompletion(instance, node, node.outgoing, false);
    }
  }

  private void finishCompletion(
      ElementInstance instance, FlowNode node, List<SequenceFlow> outgoing, boolean body) {
    ElementInstance scope = state.elementInstances.get(instance.flowScopeKey);
    if (scope != null && scope.elementType == ElementType.MULTI_INSTANCE_BODY) {
      multiInstances.collectOutput(scope, instance, node);
      removeInstance(instance, COMPLETED);
      enqueue(() -> multiInstances.innerCompleted(scope, node));
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
    removeInstance(instance, COMPLETED);
    if (waitingThrow >= 0) {
      enqueue(() -> eventThrows.compensationHandlerDone(waitingThrow));
    }
    if (outgoing.isEmpty()) {
      enqueue(() -> completeScopeIfDone(scope));
      return;
    }
    for (SequenceFlow flow : outgoing) {
      enqueueInScope(scope, () -> takeFlow(scope, flow));
    }
  }

  /** The incident retry of a completion: the element's own outgoing flows again. */
  public void retryCompletion(ElementInstance instance) {
    FlowNode node = node(instance);
    complete(instance, node.type == ElementType.END_EVENT ? List.of() : node.outgoing);
  }

  private void takeFlow(ElementInstance scope, SequenceFlow flow) {
    if (!state.elementInstances.contains(scope.key)) {
      return; // the scope was terminated meanwhile
    }
    state.takenFlows.record(scope, flow.id(), state.keys);
    FlowNode target = model(scope).node(flow.targetId());
    if ((target.type == ElementType.PARALLEL_GATEWAY
            || target.type == ElementType.INCLUSIVE_GATEWAY)
        && target.incoming.size() > 1) {
      scope.joinTokens.merge(flow.id(), 1, Integer::sum);
      state.putElementInstance(scope);
      gateways.tryJoin(scope, target);
      return;
    }
    activate(scope, target, null);
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
        || hasPendingSteps(scope)) {
      return;
    }
    if (scope.elementType == ElementType.MULTI_INSTANCE_BODY) {
      return; // bodies complete through their inner instances
    }
    if (scope.isProcessInstance()) {
      endProcessInstance(scope, false);
    } else if (scope.elementType == ElementType.EVENT_SUB_PROCESS) {
      complete(scope, List.of());
    } else {
      complete(scope, node(scope).outgoing);
    }
  }

  private void endProcessInstance(ElementInstance pi, boolean terminated) {
    Map<String, Object> rootVariables = new LinkedHashMap<>(state.variables.local(pi.key));
    incidents.resolveAllOf(pi.key);
    removeInstance(pi, terminated ? TERMINATED : COMPLETED);
    completionListener.ended(pi, rootVariables, terminated);
    if (!terminated && pi.parentElementInstanceKey >= 0) {
      callActivities.childCompleted(pi, rootVariables);
    }
  }

  // ---- termination

  /** Terminates an element instance and everything inside it. */
  public void terminate(ElementInstance instance) {
    terminateChildren(instance);
    if (instance.elementType == ElementType.CALL_ACTIVITY) {
      callActivities.terminateChild(instance);
    }
    incidents.resolveAllOf(instance.key);
    removeInstance(instance, TERMINATED);
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
    removeInstance(pi, TERMINATED);
    completionListener.ended(pi, Map.of(), true);
  }

  void removeInstance(ElementInstance instance, String reason) {
    waitStates.leaveWaitState(instance);
    state.removeElementInstance(instance.key, reason);
  }
}
