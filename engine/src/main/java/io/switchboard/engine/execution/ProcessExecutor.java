package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Job;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.List;
import java.util.Map;

/**
 * Moves tokens through a process: activates elements, completes them and takes sequence flows. The
 * steps of a command are queued on its {@link Agenda}; what an element does once active is in
 * {@link ElementBehaviors}, how it is left in {@link ElementCompletion}, how scopes begin, end and
 * are terminated in {@link ScopeLifecycle}, and element kinds with more to them in {@link
 * MultiInstances}, {@link CallActivities}, {@link Gateways} and {@link EventThrows}.
 */
public final class ProcessExecutor {
  static final String COMPLETED = "COMPLETED";
  static final String TERMINATED = "TERMINATED";

  private final CommandProcessor processor;
  private final EngineState state;
  private final VariableMerger variables;
  private final IncidentRaiser incidents;
  private final Agenda agenda = new Agenda();
  private final MultiInstances multiInstances;
  private final Gateways gateways;
  private final ExecutionListenerJobs listeners;
  private final ElementBehaviors behaviors;
  private final ScopeLifecycle scopes;
  private final ElementCompletion completion;
  private WaitStates waitStates;
  private EventThrows eventThrows;

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
    this.variables = variables;
    this.incidents = incidents;
    this.multiInstances = new MultiInstances(this, state, feel, incidents);
    CallActivities callActivities = new CallActivities(this, state, feel, incidents);
    this.gateways = new Gateways(this, state, feel, incidents);
    this.listeners = new ExecutionListenerJobs(processor, feel, variables, incidents);
    this.behaviors = new ElementBehaviors(this, state, feel, incidents, gateways, callActivities);
    this.scopes =
        new ScopeLifecycle(this, processor, incidents, listeners, gateways, callActivities);
    this.completion =
        new ElementCompletion(this, state, variables, incidents, listeners, multiInstances, scopes);
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

  Gateways gateways() {
    return gateways;
  }

  /** The DMN engine business rule tasks with a {@code zeebe:calledDecision} call. */
  public void setDecisionEvaluator(DecisionEvaluator decisions) {
    behaviors.setDecisionEvaluator(decisions);
  }

  public void setCompletionListener(CompletionListener listener) {
    scopes.setCompletionListener(listener);
  }

  public VariableMerger variables() {
    return variables;
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

  // ---- the agenda

  /** Forgets queued steps of a command that failed; its state changes are discarded too. */
  public void reset() {
    agenda.reset();
  }

  /** Runs queued follow-up steps until the process reaches wait states. */
  public void drain() {
    agenda.drain();
  }

  Agenda agenda() {
    return agenda;
  }

  /** Whether steps that will put a token into {@code scope} are still queued. */
  public boolean hasPendingSteps(ElementInstance scope) {
    return agenda.hasPendingSteps(scope);
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
    return scopes.createProcessInstance(
        definition, initialVariables, startEventId, startCorrelationKey, caller);
  }

  /** A process instance with its variables and event subprocess triggers, no token yet. */
  ElementInstance newProcessInstance(
      ProcessDefinition definition,
      Map<String, Object> initialVariables,
      String startCorrelationKey,
      ElementInstance caller) {
    return scopes.newProcessInstance(definition, initialVariables, startCorrelationKey, caller);
  }

  public void cancelProcessInstance(ElementInstance pi) {
    scopes.terminateChildren(pi);
    scopes.endProcessInstance(pi, true);
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

  void startProcess(ElementInstance pi, FlowNode root) {
    scopes.startProcess(pi, root);
  }

  ElementInstance newInstance(ElementInstance scope, FlowNode node) {
    return scopes.newInstance(scope, node);
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
        incidents.activationFailed(instance, "IO_MAPPING_ERROR", e.getMessage());
        state.putElementInstance(instance);
        return;
      }
    }
    if (listeners.startPending(instance, node)) {
      return; // the element's behaviour runs once its start listeners have completed
    }
    behaviors.run(instance, node);
  }

  /** Incident retry of an activation: whatever the failed attempt opened is closed first. */
  public void retryActivation(ElementInstance instance) {
    waitStates.leaveWaitState(instance);
    runActivation(instance, node(instance));
  }

  public void markActive(ElementInstance instance) {
    instance.state = ElementInstance.State.ACTIVE;
    state.putElementInstance(instance);
  }

  // ---- completion (see ElementCompletion)

  /**
   * Completes an element: output mappings into the flow scope, end listeners, wait-state cleanup,
   * then the given outgoing flows. Also the retry of an output-mapping incident.
   */
  public void complete(ElementInstance instance, List<SequenceFlow> outgoing) {
    completion.complete(instance, outgoing);
  }

  /**
   * An execution listener's job completed: the next listener's job, or else the element's behaviour
   * (after start listeners) or its leaving (after end listeners).
   */
  public void listenerJobCompleted(Job job, ElementInstance instance, Map<String, Object> values) {
    listeners.completed(job, instance, values);
    FlowNode node = node(instance);
    if (ExecutionListenerJobs.START.equals(job.listenerEventType)) {
      if (!listeners.startPending(instance, node)) {
        behaviors.run(instance, node);
      }
    } else if (listeners.endPending(instance, node)) {
      return; // the next end listener
    } else if (instance.isProcessInstance()) {
      scopes.endProcessInstance(instance, false);
    } else {
      completion.leave(instance, node, node.outgoing, false);
    }
  }

  /** The incident retry of a completion: the element's own outgoing flows again. */
  public void retryCompletion(ElementInstance instance) {
    if (instance.isProcessInstance()) {
      scopes.completeProcessInstance(instance);
      return;
    }
    FlowNode node = node(instance);
    complete(instance, node.type == ElementType.END_EVENT ? List.of() : node.outgoing);
  }

  // ---- scope ends and termination (see ScopeLifecycle)

  void completeScopeIfDone(ElementInstance scope) {
    scopes.completeScopeIfDone(scope);
  }

  /** Terminates an element instance and everything inside it. */
  public void terminate(ElementInstance instance) {
    scopes.terminate(instance);
  }

  void terminateChildren(ElementInstance scope) {
    scopes.terminateChildren(scope);
  }

  /** Ends a called process instance whose call activity went away. */
  void terminateProcessInstance(ElementInstance pi) {
    scopes.terminateProcessInstance(pi);
  }

  void removeInstance(ElementInstance instance, String reason) {
    scopes.removeInstance(instance, reason);
  }
}
