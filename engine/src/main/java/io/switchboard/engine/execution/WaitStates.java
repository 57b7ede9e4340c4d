package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.BufferedMessage;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.Job;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything an element waits for: jobs for workers, timers, message subscriptions, and the
 * boundary events attached to an activity. Also routes BPMN errors to their catch events.
 */
public final class WaitStates {
  private final CommandProcessor processor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final ProcessExecutor executor;
  private final IncidentRaiser incidents;
  private final TimerCalculator timers;
  private Consumer<String> jobAvailableListener = type -> {};

  public WaitStates(
      CommandProcessor processor,
      FeelExpressions feel,
      ProcessExecutor executor,
      IncidentRaiser incidents) {
    this.processor = processor;
    this.state = processor.state();
    this.feel = feel;
    this.executor = executor;
    this.incidents = incidents;
    this.timers = new TimerCalculator(feel);
    executor.setWaitStates(this);
  }

  /** Told the job type whenever a job becomes activatable, to serve long-polling requests. */
  public void setJobAvailableListener(Consumer<String> listener) {
    this.jobAvailableListener = listener;
  }

  // ---- entering and leaving

  void enterWaitState(ElementInstance instance, FlowNode node) {
    try {
      if (node.type.isJobWorkerTask()) {
        String type = feel.evaluateString(node.jobType, vars(instance), "job type");
        int retries = retries(node, instance);
        if (!openBoundaryEvents(instance, node)) {
          return;
        }
        createJob(instance, node, type, retries);
      } else if (node.type == ElementType.RECEIVE_TASK
          || (node.type == ElementType.INTERMEDIATE_CATCH_EVENT && node.eventKind == EventKind.MESSAGE)) {
        MessageSubscription own = subscription(instance, node, instance.key);
        if (node.type == ElementType.RECEIVE_TASK && !openBoundaryEvents(instance, node)) {
          return;
        }
        state.putSubscription(own);
        executor.markActive(instance);
        executor.enqueue(() -> correlateBuffered(own));
        return;
      } else if (node.type == ElementType.INTERMEDIATE_CATCH_EVENT && node.eventKind == EventKind.TIMER) {
        createTimer(instance, node, instance.key);
      } else {
        throw new IllegalStateException("No wait state for " + node.type + " '" + node.id + "'");
      }
      executor.markActive(instance);
    } catch (FeelEvaluationException e) {
      incidents.raise(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Incident.RetryAction.ACTIVATE_ELEMENT, -1);
    }
  }

  private int retries(FlowNode node, ElementInstance instance) {
    Object value = feel.evaluateAttribute(node.jobRetries, vars(instance));
    try {
      return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new FeelEvaluationException("expected job retries '" + node.jobRetries + "' to be a number");
    }
  }

  /** Opens the timers and subscriptions of attached boundary events; false if it raised an incident. */
  boolean openBoundaryEvents(ElementInstance instance, FlowNode node) {
    if (node.boundaryEventIds.isEmpty()) {
      return true;
    }
    ProcessModel model = executor.model(instance);
    List<Runnable> openers = new ArrayList<>();
    try {
      for (String boundaryId : node.boundaryEventIds) {
        FlowNode boundary = model.node(boundaryId);
        if (boundary.eventKind == EventKind.TIMER) {
          TimerCalculator.Due due = timers.evaluate(boundary.timer, vars(instance), processor.now());
          openers.add(() -> storeTimer(instance, boundary, instance.key, due));
        } else if (boundary.eventKind == EventKind.MESSAGE) {
          MessageSubscription subscription = subscription(instance, boundary, instance.key);
          openers.add(
              () -> {
                state.putSubscription(subscription);
                executor.enqueue(() -> correlateBuffered(subscription));
              });
        }
      }
    } catch (FeelEvaluationException e) {
      incidents.raise(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Incident.RetryAction.ACTIVATE_ELEMENT, -1);
      return false;
    }
    openers.forEach(Runnable::run);
    return true;
  }

  /** Removes the job, timers and subscriptions held by an element instance that goes away. */
  void leaveWaitState(ElementInstance instance) {
    if (instance.jobKey >= 0) {
      state.removeJob(instance.jobKey, "CANCELED");
    }
    for (Long timerKey : state.timersOf(instance.key)) {
      state.removeTimer(timerKey);
    }
    for (Long subscriptionKey : state.subscriptionsOf(instance.key)) {
      state.removeSubscription(subscriptionKey);
    }
  }

  private Map<String, Object> vars(ElementInstance instance) {
    return state.visibleVariables(instance.key);
  }

  // ---- jobs

  private void createJob(ElementInstance instance, FlowNode node, String type, int retries) {
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
    state.putJob(job);
    instance.jobKey = job.key;
    jobAvailable(type);
  }

  public void jobAvailable(String type) {
    jobAvailableListener.accept(type);
  }

  // ---- timers

  private void createTimer(ElementInstance instance, FlowNode node, long waitingKey) {
    TimerCalculator.Due due = timers.evaluate(node.timer, vars(instance), processor.now());
    storeTimer(instance, node, waitingKey, due);
  }

  private void storeTimer(ElementInstance instance, FlowNode node, long waitingKey, TimerCalculator.Due due) {
    Timer timer = new Timer();
    timer.key = state.keys.nextKey();
    timer.dueDate = due.dueAt();
    timer.elementInstanceKey = waitingKey;
    timer.processInstanceKey = instance.processInstanceKey;
    timer.processDefinitionKey = instance.processDefinitionKey;
    timer.targetElementId = node.id;
    timer.repetitionsLeft = due.repetitions();
    timer.interval = due.interval();
    timer.tenantId = instance.tenantId;
    state.putTimer(timer);
    scheduleTimer(timer);
  }

  /** Start-event timers of a newly deployed definition. */
  public void createStartTimer(io.switchboard.engine.state.ProcessDefinition definition, FlowNode node) {
    TimerCalculator.Due due = timers.evaluate(node.timer, Map.of(), processor.now());
    Timer timer = new Timer();
    timer.key = state.keys.nextKey();
    timer.dueDate = due.dueAt();
    timer.processDefinitionKey = definition.key;
    timer.targetElementId = node.id;
    timer.repetitionsLeft = due.repetitions();
    timer.interval = due.interval();
    timer.tenantId = definition.tenantId;
    state.putTimer(timer);
    scheduleTimer(timer);
  }

  public void scheduleTimer(Timer timer) {
    long key = timer.key;
    long due = timer.dueDate;
    processor.schedule(due, () -> fireTimer(key, due));
  }

  private void fireTimer(long timerKey, long expectedDue) {
    Timer timer = state.timers.get(timerKey);
    if (timer == null || timer.dueDate != expectedDue) {
      return;
    }
    boolean repeats = timer.interval != null && timer.repetitionsLeft != 0;
    if (repeats) {
      timer.dueDate = timers.next(timer.interval, timer.dueDate);
      if (timer.repetitionsLeft > 0) {
        timer.repetitionsLeft--;
      }
      state.putTimer(timer);
      scheduleTimer(timer);
    } else {
      state.removeTimer(timer.key);
    }
    if (timer.elementInstanceKey < 0) {
      var definition = executor.definition(timer.processDefinitionKey);
      if (definition != null) {
        executor.createProcessInstance(definition, Map.of(), timer.targetElementId, null);
      }
    } else {
      ElementInstance waiting = state.elementInstances.get(timer.elementInstanceKey);
      if (waiting != null) {
        FlowNode event = executor.model(waiting).node(timer.targetElementId);
        if (event.type == ElementType.BOUNDARY_EVENT) {
          triggerBoundary(waiting, event, Map.of());
        } else {
          executor.complete(waiting, event.outgoing);
        }
      }
    }
    executor.drain();
  }

  // ---- messages

  private MessageSubscription subscription(ElementInstance instance, FlowNode node, long waitingKey) {
    Map<String, Object> vars = vars(instance);
    MessageSubscription subscription = new MessageSubscription();
    subscription.key = state.keys.nextKey();
    subscription.elementInstanceKey = waitingKey;
    subscription.processInstanceKey = instance.processInstanceKey;
    subscription.catchElementId = node.id;
    subscription.messageName = feel.evaluateString(node.messageName, vars, "message name");
    subscription.correlationKey = feel.evaluateString(node.correlationKey, vars, "correlation key");
    subscription.tenantId = instance.tenantId;
    subscription.interrupting = node.type != ElementType.BOUNDARY_EVENT || node.cancelActivity;
    return subscription;
  }

  private void correlateBuffered(MessageSubscription subscription) {
    if (!state.subscriptions.contains(subscription.key)) {
      return;
    }
    long now = processor.now();
    for (BufferedMessage message :
        state.messagesFor(subscription.tenantId, subscription.messageName, subscription.correlationKey)) {
      if (message.expiresAt > now
          && !message.correlatedProcessInstances.contains(subscription.processInstanceKey)) {
        message.correlatedProcessInstances.add(subscription.processInstanceKey);
        state.messages.put(message.key, message);
        triggerSubscription(subscription, message.variables);
        return;
      }
    }
  }

  /** Delivers a message to an open subscription. */
  public void triggerSubscription(MessageSubscription subscription, Map<String, Object> variables) {
    ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null) {
      return;
    }
    FlowNode event = executor.model(waiting).node(subscription.catchElementId);
    if (event.type == ElementType.BOUNDARY_EVENT) {
      triggerBoundary(waiting, event, variables);
    } else {
      state.removeSubscription(subscription.key);
      executor.applyEventVariables(waiting, event, variables);
      executor.complete(waiting, event.outgoing);
    }
  }

  // ---- boundary events and errors

  private void triggerBoundary(ElementInstance host, FlowNode boundary, Map<String, Object> variables) {
    ElementInstance scope = state.elementInstances.get(host.flowScopeKey);
    if (boundary.cancelActivity) {
      executor.terminate(host);
    }
    executor.enqueue(() -> executor.activate(scope, boundary, variables));
  }

  /**
   * Sends a BPMN error to the nearest matching error boundary event, looking outwards from
   * {@code source}; false if nothing catches it.
   */
  public boolean throwError(
      ElementInstance source, String errorCode, String errorMessage, Map<String, Object> variables) {
    ElementInstance current = source;
    while (current != null && !current.isProcessInstance()) {
      FlowNode node = executor.model(current).node(current.elementId);
      FlowNode catcher = catchingBoundary(executor.model(current), node, errorCode);
      if (catcher != null) {
        triggerBoundary(current, catcher, variables);
        return true;
      }
      current = state.elementInstances.get(current.flowScopeKey);
    }
    return false;
  }

  private static FlowNode catchingBoundary(ProcessModel model, FlowNode node, String errorCode) {
    FlowNode catchAll = null;
    for (String id : node.boundaryEventIds) {
      FlowNode boundary = model.node(id);
      if (boundary.eventKind != EventKind.ERROR) {
        continue;
      }
      if (boundary.errorCode == null || boundary.errorCode.isEmpty()) {
        catchAll = catchAll == null ? boundary : catchAll;
      } else if (boundary.errorCode.equals(errorCode)) {
        return boundary;
      }
    }
    return catchAll;
  }
}
