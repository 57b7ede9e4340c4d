package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.BufferedMessage;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.Job;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.ProcessDefinition;
import io.switchboard.engine.state.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything an element waits for: jobs for workers, timers, message and signal subscriptions, the
 * boundary events attached to an activity, event-based gateways and the start events of event
 * subprocesses; and what happens when one of them fires.
 */
public final class WaitStates {
  private final CommandProcessor processor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final ProcessExecutor executor;
  private final IncidentRaiser incidents;
  private final TimerCalculator timers;
  private Consumer<String> jobAvailableListener = type -> {};
  private final List<WaitStateBehavior> behaviors = new ArrayList<>();

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

  /** Adds a wait state kind of its own package (see {@link WaitStateBehavior}). */
  public void register(WaitStateBehavior behavior) {
    behaviors.add(behavior);
  }

  // ---- entering and leaving

  void enterWaitState(ElementInstance instance, FlowNode node) {
    for (WaitStateBehavior behavior : behaviors) {
      if (behavior.appliesTo(node)) {
        behavior.enter(instance, node);
        return;
      }
    }
    try {
      if (node.jobType != null) {
        String type = feel.evaluateString(node.jobType, vars(instance), "job type");
        int retries = retries(node, instance);
        Map<String, String> headers = headers(node, instance);
        if (!openBoundaryEvents(instance, node)) {
          return;
        }
        createJob(instance, node, type, retries, headers);
      } else if (node.type == ElementType.RECEIVE_TASK
          || node.eventKind == EventKind.MESSAGE
          || node.eventKind == EventKind.SIGNAL) {
        MessageSubscription own = subscription(instance, node, instance.key);
        if (node.type == ElementType.RECEIVE_TASK && !openBoundaryEvents(instance, node)) {
          return;
        }
        state.putSubscription(own);
        executor.markActive(instance);
        if (!own.signal) {
          executor.enqueue(() -> correlateBuffered(own));
        }
        return;
      } else if (node.eventKind == EventKind.TIMER) {
        createTimer(instance, node, instance.key);
      } else {
        throw new IllegalStateException("No wait state for " + node.type + " '" + node.id + "'");
      }
      executor.markActive(instance);
    } catch (FeelEvaluationException e) {
      incidents.raise(
          instance,
          "EXTRACT_VALUE_ERROR",
          e.getMessage(),
          Incident.RetryAction.ACTIVATE_ELEMENT,
          -1);
    }
  }

  private int retries(FlowNode node, ElementInstance instance) {
    Object value = feel.evaluateAttribute(node.jobRetries, vars(instance));
    try {
      return value instanceof Number n
          ? n.intValue()
          : Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new FeelEvaluationException(
          "expected job retries '" + node.jobRetries + "' to be a number");
    }
  }

  /** Headers, with user task assignment expressions evaluated (lists as JSON arrays, as Zeebe). */
  private Map<String, String> headers(FlowNode node, ElementInstance instance) {
    Map<String, String> headers = new LinkedHashMap<>(node.taskHeaders);
    if (node.type == ElementType.USER_TASK) {
      for (Map.Entry<String, String> header : node.taskHeaders.entrySet()) {
        if (header.getValue().startsWith("=")) {
          Object value = feel.evaluateFeel(header.getValue(), vars(instance));
          headers.put(
              header.getKey(),
              value instanceof List<?> list ? toJsonArray(list) : String.valueOf(value));
        } else if (header.getKey().startsWith("io.camunda.zeebe:candidate")
            && !header.getValue().startsWith("[")) {
          headers.put(header.getKey(), toJsonArray(List.of(header.getValue().split("\\s*,\\s*"))));
        }
      }
    }
    return headers;
  }

  private static String toJsonArray(List<?> values) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append('"')
          .append(String.valueOf(values.get(i)).replace("\"", "\\\""))
          .append('"');
    }
    return json.append(']').toString();
  }

  /**
   * Opens the timers and subscriptions of attached boundary events; false if it raised an incident.
   */
  public boolean openBoundaryEvents(ElementInstance instance, FlowNode node) {
    if (node.boundaryEventIds.isEmpty() || isInnerInstance(instance)) {
      return true;
    }
    ProcessModel model = executor.model(instance);
    List<String> triggers = new ArrayList<>();
    for (String boundaryId : node.boundaryEventIds) {
      FlowNode boundary = model.node(boundaryId);
      if (boundary.eventKind == EventKind.TIMER
          || boundary.eventKind == EventKind.MESSAGE
          || boundary.eventKind == EventKind.SIGNAL) {
        triggers.add(boundaryId);
      }
    }
    return openTriggers(instance, model, triggers);
  }

  /** Opens the start triggers (message, timer, signal) of a scope's event subprocesses. */
  void openEventSubprocessTriggers(ElementInstance scope, FlowNode scopeNode) {
    if (scopeNode.eventSubprocessIds.isEmpty()) {
      return;
    }
    ProcessModel model = executor.model(scope);
    List<String> starts = new ArrayList<>();
    for (String espId : scopeNode.eventSubprocessIds) {
      FlowNode start = model.node(model.node(espId).eventStartId);
      if (start.eventKind == EventKind.TIMER
          || start.eventKind == EventKind.MESSAGE
          || start.eventKind == EventKind.SIGNAL) {
        starts.add(start.id);
      }
    }
    openTriggers(scope, model, starts);
  }

  /** Event-based gateway: race the events after it; the first to happen wins. */
  void openEventBasedGateway(ElementInstance gateway, FlowNode node) {
    ProcessModel model = executor.model(gateway);
    List<String> events = new ArrayList<>();
    for (SequenceFlow flow : node.outgoing) {
      events.add(flow.targetId());
    }
    if (openTriggers(gateway, model, events)) {
      executor.markActive(gateway);
    }
  }

  /** Evaluates every trigger first so that a failing expression leaves nothing half-open. */
  private boolean openTriggers(ElementInstance owner, ProcessModel model, List<String> eventIds) {
    List<Runnable> openers = new ArrayList<>();
    try {
      for (String eventId : eventIds) {
        FlowNode event = model.node(eventId);
        if (event.eventKind == EventKind.TIMER) {
          TimerCalculator.Due due = timers.evaluate(event.timer, vars(owner), processor.now());
          openers.add(() -> storeTimer(owner, event, owner.key, due));
        } else if (event.eventKind == EventKind.MESSAGE || event.eventKind == EventKind.SIGNAL) {
          MessageSubscription subscription = subscription(owner, event, owner.key);
          openers.add(
              () -> {
                state.putSubscription(subscription);
                if (!subscription.signal) {
                  executor.enqueue(() -> correlateBuffered(subscription));
                }
              });
        }
      }
    } catch (FeelEvaluationException e) {
      incidents.raise(
          owner, "EXTRACT_VALUE_ERROR", e.getMessage(), Incident.RetryAction.ACTIVATE_ELEMENT, -1);
      return false;
    }
    openers.forEach(Runnable::run);
    return true;
  }

  /** Removes the job, timers and subscriptions held by an element instance that goes away. */
  void leaveWaitState(ElementInstance instance) {
    for (WaitStateBehavior behavior : behaviors) {
      behavior.left(instance);
    }
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

  private boolean isInnerInstance(ElementInstance instance) {
    ElementInstance parent = state.elementInstances.get(instance.flowScopeKey);
    return parent != null && parent.elementType == ElementType.MULTI_INSTANCE_BODY;
  }

  // ---- jobs

  private void createJob(
      ElementInstance instance,
      FlowNode node,
      String type,
      int retries,
      Map<String, String> headers) {
    Job job = new Job();
    job.key = state.keys.nextKey();
    job.type = type;
    job.retries = retries;
    job.customHeaders.putAll(headers);
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

  private void storeTimer(
      ElementInstance instance, FlowNode node, long waitingKey, TimerCalculator.Due due) {
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
  public void createStartTimer(ProcessDefinition definition, FlowNode node) {
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
      ProcessDefinition definition = executor.definition(timer.processDefinitionKey);
      if (definition != null) {
        executor.createProcessInstance(definition, Map.of(), timer.targetElementId, null);
      }
    } else {
      ElementInstance waiting = state.elementInstances.get(timer.elementInstanceKey);
      if (waiting != null) {
        eventHappened(waiting, executor.model(waiting).node(timer.targetElementId), Map.of());
      }
    }
    executor.drain();
  }

  // ---- messages and signals

  private MessageSubscription subscription(
      ElementInstance instance, FlowNode node, long waitingKey) {
    Map<String, Object> vars = vars(instance);
    MessageSubscription subscription = new MessageSubscription();
    subscription.key = state.keys.nextKey();
    subscription.elementInstanceKey = waitingKey;
    subscription.processInstanceKey = instance.processInstanceKey;
    subscription.catchElementId = node.id;
    subscription.tenantId = instance.tenantId;
    if (node.eventKind == EventKind.SIGNAL) {
      subscription.signal = true;
      subscription.messageName = feel.evaluateString(node.signalName, vars, "signal name");
      subscription.correlationKey = "";
    } else {
      subscription.messageName = feel.evaluateString(node.messageName, vars, "message name");
      subscription.correlationKey =
          feel.evaluateString(node.correlationKey, vars, "correlation key");
    }
    subscription.interrupting =
        node.type == ElementType.BOUNDARY_EVENT ? node.cancelActivity : node.interrupting;
    return subscription;
  }

  private void correlateBuffered(MessageSubscription subscription) {
    if (!state.subscriptions.contains(subscription.key)) {
      return;
    }
    long now = processor.now();
    for (BufferedMessage message :
        state.messagesFor(
            subscription.tenantId, subscription.messageName, subscription.correlationKey)) {
      if (message.expiresAt > now
          && !message.correlatedProcessInstances.contains(subscription.processInstanceKey)) {
        message.correlatedProcessInstances.add(subscription.processInstanceKey);
        state.messages.put(message.key, message);
        triggerSubscription(subscription, message.variables);
        return;
      }
    }
  }

  /** Delivers a message or signal to an open subscription. */
  public void triggerSubscription(MessageSubscription subscription, Map<String, Object> variables) {
    ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null) {
      return;
    }
    if (!subscription.signal) {
      subscription.correlated = true;
      state.putSubscription(subscription);
    }
    FlowNode event = executor.model(waiting).node(subscription.catchElementId);
    if (event.type == ElementType.INTERMEDIATE_CATCH_EVENT
        || event.type == ElementType.RECEIVE_TASK) {
      if (waiting.elementType != ElementType.EVENT_BASED_GATEWAY) {
        state.removeSubscription(subscription.key);
      }
    }
    eventHappened(waiting, event, variables);
  }

  /** Routes a fired timer, message or signal to what waits for it. */
  private void eventHappened(
      ElementInstance waiting, FlowNode event, Map<String, Object> variables) {
    if (event.type == ElementType.BOUNDARY_EVENT) {
      triggerBoundary(waiting, event, variables);
    } else if (waiting.elementType == ElementType.EVENT_BASED_GATEWAY) {
      ElementInstance scope = state.elementInstances.get(waiting.flowScopeKey);
      executor.removeInstance(waiting, ProcessExecutor.COMPLETED);
      executor.activateTriggered(scope, event, variables);
    } else if (event.type == ElementType.START_EVENT) {
      ProcessModel model = executor.model(waiting);
      triggerEventSubprocess(waiting, model.node(event.flowScopeId), event, variables);
    } else {
      executor.applyEventVariables(waiting, event, variables);
      executor.complete(waiting, event.outgoing);
    }
  }

  /** Broadcasts a signal to every subscription and signal start event of the tenant. */
  public List<Long> broadcast(String tenantId, String name, Map<String, Object> variables) {
    List<Long> reached = new ArrayList<>();
    for (MessageSubscription subscription :
        List.copyOf(state.signalSubscriptionsFor(tenantId, name))) {
      reached.add(subscription.processInstanceKey);
      triggerSubscription(subscription, variables);
    }
    for (ProcessDefinition definition : List.copyOf(state.latestDefinitions())) {
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
      name = feel.evaluateString(node.signalName, vars(instance), "signal name");
    } catch (FeelEvaluationException e) {
      incidents.raise(
          instance,
          "EXTRACT_VALUE_ERROR",
          e.getMessage(),
          Incident.RetryAction.ACTIVATE_ELEMENT,
          -1);
      return;
    }
    broadcast(instance.tenantId, name, new LinkedHashMap<>(state.variables.local(instance.key)));
  }

  // ---- boundary events and event subprocesses

  void triggerBoundary(ElementInstance host, FlowNode boundary, Map<String, Object> variables) {
    ElementInstance scope = state.elementInstances.get(host.flowScopeKey);
    if (boundary.cancelActivity) {
      executor.terminate(host);
    }
    executor.enqueueInScope(scope, () -> executor.activate(scope, boundary, variables));
  }

  void triggerEventSubprocess(
      ElementInstance scope,
      FlowNode eventSubprocess,
      FlowNode start,
      Map<String, Object> variables) {
    if (start.interrupting) {
      executor.terminateChildren(scope);
      scope.joinTokens.clear();
      state.putElementInstance(scope);
      for (Long subscriptionKey : state.subscriptionsOf(scope.key)) {
        MessageSubscription s = state.subscriptions.get(subscriptionKey);
        if (executor.model(scope).node(s.catchElementId).type == ElementType.START_EVENT) {
          state.removeSubscription(subscriptionKey);
        }
      }
      for (Long timerKey : state.timersOf(scope.key)) {
        Timer t = state.timers.get(timerKey);
        if (executor.model(scope).node(t.targetElementId).type == ElementType.START_EVENT) {
          state.removeTimer(timerKey);
        }
      }
    }
    executor.enqueueInScope(
        scope,
        () -> {
          ElementInstance esp = executor.activate(scope, eventSubprocess, null);
          executor.activateTriggered(esp, start, variables);
        });
  }

  /** BPMN errors from job workers go through the same search as error end events. */
  public boolean throwError(
      ElementInstance source,
      String errorCode,
      String errorMessage,
      Map<String, Object> variables) {
    return executor.eventThrows().throwError(source, errorCode, errorMessage, variables);
  }
}
