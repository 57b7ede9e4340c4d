package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ExecutionListener;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.Job;
import java.util.List;
import java.util.Map;

/**
 * Execution listeners as Zeebe runs them: start listeners after the input mappings and before the
 * element's behaviour, end listeners after the output mappings and before the element is left; one
 * job at a time, in model order. A start listener's variables become local variables of the
 * element, an end listener's go to its flow scope like output mappings. A listener whose type or
 * retries cannot be evaluated raises an incident; resolving it runs that event type's listeners
 * again from the first.
 */
final class ExecutionListenerJobs {
  static final String START = "START";
  static final String END = "END";

  private final EngineState state;
  private final FeelExpressions feel;
  private final VariableMerger variables;
  private final IncidentRaiser incidents;
  private WaitStates waitStates;

  ExecutionListenerJobs(
      CommandProcessor processor,
      FeelExpressions feel,
      VariableMerger variables,
      IncidentRaiser incidents) {
    this.state = processor.state();
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  void setWaitStates(WaitStates waitStates) {
    this.waitStates = waitStates;
  }

  /** Creates the next start listener's job; false when every start listener has completed. */
  boolean startPending(ElementInstance instance, FlowNode node) {
    List<ExecutionListener> start = node.listeners(ExecutionListener.EventType.START);
    if (instance.startListenersDone >= start.size()) {
      return false;
    }
    if (!createJob(instance, node, start.get(instance.startListenersDone), START)) {
      instance.startListenersDone = 0;
      state.putElementInstance(instance);
    }
    return true;
  }

  /**
   * Creates the next end listener's job; false when every end listener has completed. Before the
   * first, the element stops waiting for its boundary events, as in Zeebe.
   */
  boolean endPending(ElementInstance instance, FlowNode node) {
    List<ExecutionListener> end = node.listeners(ExecutionListener.EventType.END);
    if (instance.endListenersDone >= end.size()) {
      return false;
    }
    if (instance.endListenersDone == 0) {
      for (Long timerKey : state.timersOf(instance.key)) {
        state.removeTimer(timerKey);
      }
      for (Long subscriptionKey : state.subscriptionsOf(instance.key)) {
        state.removeSubscription(subscriptionKey);
      }
    }
    instance.state = ElementInstance.State.COMPLETING;
    if (!createJob(instance, node, end.get(instance.endListenersDone), END)) {
      instance.endListenersDone = 0;
    }
    state.putElementInstance(instance);
    return true;
  }

  /** A listener's job completed: its variables are applied and the next step can run. */
  void completed(Job job, ElementInstance instance, Map<String, Object> values) {
    instance.jobKey = -1;
    if (START.equals(job.listenerEventType)) {
      if (values != null) {
        variables.setLocal(instance, values);
      }
      instance.startListenersDone++;
    } else {
      if (values != null && instance.isProcessInstance()) {
        variables.setLocal(instance, values); // a process has no flow scope: its own variables
      } else if (values != null) {
        variables.propagate(instance.flowScopeKey, values);
      }
      instance.endListenersDone++;
    }
    state.putElementInstance(instance);
  }

  /**
   * Creates the listener's job; false (an incident is open) when its properties do not evaluate.
   */
  private boolean createJob(
      ElementInstance instance, FlowNode node, ExecutionListener listener, String eventType) {
    Map<String, Object> visible = state.visibleVariables(instance.key);
    String type;
    int retries;
    try {
      type = feel.evaluateString(listener.type(), visible, "execution listener job type");
      Object r = feel.evaluateAttribute(listener.retries(), visible);
      retries = r instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(r).trim());
    } catch (FeelEvaluationException | NumberFormatException e) {
      incidents.raise(
          instance,
          "EXTRACT_VALUE_ERROR",
          e.getMessage(),
          START.equals(eventType)
              ? Incident.RetryAction.ACTIVATE_ELEMENT
              : Incident.RetryAction.COMPLETE_ELEMENT,
          -1);
      return false;
    }
    Job job = new Job();
    job.key = state.keys.nextKey();
    job.type = type;
    job.retries = retries;
    job.customHeaders.putAll(node.taskHeaders);
    job.elementId = node.id;
    job.elementInstanceKey = instance.key;
    job.processInstanceKey = instance.processInstanceKey;
    job.processDefinitionKey = instance.processDefinitionKey;
    job.bpmnProcessId = instance.bpmnProcessId;
    job.version = instance.version;
    job.tenantId = instance.tenantId;
    job.listenerEventType = eventType;
    state.putJob(job);
    instance.jobKey = job.key;
    state.putElementInstance(instance);
    waitStates.jobAvailable(type);
    return true;
  }
}
