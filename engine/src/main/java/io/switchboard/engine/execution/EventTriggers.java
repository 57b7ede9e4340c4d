package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events an element or scope catches besides its own wait state: the boundary events attached to an
 * activity, the start events of a scope's event subprocesses and the events after an event-based
 * gateway; opened together, and what happens when one of them fires.
 */
final class EventTriggers implements EventRouter {
  private final EngineState state;
  private final ProcessExecutor executor;
  private final IncidentRaiser incidents;
  private final Timers timers;
  private final MessageCorrelation correlation;

  EventTriggers(
      EngineState state,
      ProcessExecutor executor,
      IncidentRaiser incidents,
      Timers timers,
      MessageCorrelation correlation) {
    this.state = state;
    this.executor = executor;
    this.incidents = incidents;
    this.timers = timers;
    this.correlation = correlation;
  }

  /** Opens the timers and subscriptions of attached boundary events; false if it raised one. */
  boolean openBoundaryEvents(ElementInstance instance, FlowNode node) {
    if (node.boundaryEventIds.isEmpty() || isInnerInstance(instance)) {
      return true;
    }
    ProcessModel model = executor.model(instance);
    List<String> triggers = new ArrayList<>();
    for (String boundaryId : node.boundaryEventIds) {
      if (catchable(model.node(boundaryId))) {
        triggers.add(boundaryId);
      }
    }
    return open(instance, model, triggers);
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
      if (catchable(start)) {
        starts.add(start.id);
      }
    }
    open(scope, model, starts);
  }

  /** Event-based gateway: race the events after it; the first to happen wins. */
  void openEventBasedGateway(ElementInstance gateway, FlowNode node) {
    List<String> events = new ArrayList<>();
    for (SequenceFlow flow : node.outgoing) {
      events.add(flow.targetId());
    }
    if (open(gateway, executor.model(gateway), events)) {
      executor.markActive(gateway);
    }
  }

  private static boolean catchable(FlowNode event) {
    return event.eventKind == EventKind.TIMER
        || event.eventKind == EventKind.MESSAGE
        || event.eventKind == EventKind.SIGNAL;
  }

  /** Evaluates every trigger first so that a failing expression leaves nothing half-open. */
  private boolean open(ElementInstance owner, ProcessModel model, List<String> eventIds) {
    List<Runnable> openers = new ArrayList<>();
    try {
      for (String eventId : eventIds) {
        FlowNode event = model.node(eventId);
        if (event.eventKind == EventKind.TIMER) {
          TimerCalculator.Due due = timers.due(owner, event);
          openers.add(() -> timers.store(owner, event, due));
        } else if (event.eventKind == EventKind.MESSAGE || event.eventKind == EventKind.SIGNAL) {
          MessageSubscription subscription = correlation.subscription(owner, event);
          openers.add(() -> correlation.open(subscription));
        }
      }
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(owner, "EXTRACT_VALUE_ERROR", e.getMessage());
      return false;
    }
    openers.forEach(Runnable::run);
    return true;
  }

  private boolean isInnerInstance(ElementInstance instance) {
    ElementInstance parent = state.elementInstances.get(instance.flowScopeKey);
    return parent != null && parent.elementType == ElementType.MULTI_INSTANCE_BODY;
  }

  @Override
  public void eventHappened(
      ElementInstance waiting, FlowNode event, Map<String, Object> variables) {
    if (event.type == ElementType.BOUNDARY_EVENT) {
      triggerBoundary(waiting, event, variables);
    } else if (waiting.elementType == ElementType.EVENT_BASED_GATEWAY) {
      ElementInstance scope = state.elementInstances.get(waiting.flowScopeKey);
      executor.removeInstance(waiting, ProcessExecutor.COMPLETED);
      activateTriggered(scope, event, variables);
    } else if (event.type == ElementType.START_EVENT) {
      ProcessModel model = executor.model(waiting);
      triggerEventSubprocess(waiting, model.node(event.flowScopeId), event, variables);
    } else {
      executor.applyEventVariables(waiting, event, variables);
      executor.complete(waiting, event.outgoing);
    }
  }

  void triggerBoundary(ElementInstance host, FlowNode boundary, Map<String, Object> variables) {
    ElementInstance scope = state.elementInstances.get(host.flowScopeKey);
    if (boundary.cancelActivity) {
      executor.terminate(host);
    }
    executor.agenda().enqueueInScope(scope, () -> executor.activate(scope, boundary, variables));
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
      closeEventSubprocessTriggers(scope);
    }
    executor
        .agenda()
        .enqueueInScope(
            scope,
            () -> {
              // the start event is activated by the event subprocess's behaviour, after its input
              // mappings and start listeners (see enterEventSubprocess)
              ElementInstance esp = executor.newInstance(scope, eventSubprocess);
              esp.startEventId = start.id;
              esp.triggerVariables =
                  variables == null || variables.isEmpty() ? null : new LinkedHashMap<>(variables);
              state.putElementInstance(esp);
              executor.runActivation(esp, eventSubprocess);
            });
  }

  /** A triggered event subprocess's behaviour: the start event that triggered it happens. */
  void enterEventSubprocess(ElementInstance esp) {
    executor.markActive(esp);
    if (esp.startEventId == null) {
      return; // created by an instruction, which activates what it names
    }
    FlowNode start = executor.model(esp).node(esp.startEventId);
    Map<String, Object> variables = esp.triggerVariables;
    esp.startEventId = null;
    esp.triggerVariables = null;
    state.putElementInstance(esp);
    activateTriggered(esp, start, variables);
  }

  private void closeEventSubprocessTriggers(ElementInstance scope) {
    ProcessModel model = executor.model(scope);
    for (Long subscriptionKey : state.subscriptionsOf(scope.key)) {
      MessageSubscription s = state.subscriptions.get(subscriptionKey);
      if (model.node(s.catchElementId).type == ElementType.START_EVENT) {
        state.removeSubscription(subscriptionKey);
      }
    }
    for (Long timerKey : state.timersOf(scope.key)) {
      Timer t = state.timers.get(timerKey);
      if (model.node(t.targetElementId).type == ElementType.START_EVENT) {
        state.removeTimer(timerKey);
      }
    }
  }

  /** Activates a catch event whose trigger already happened, and moves on at once. */
  private void activateTriggered(
      ElementInstance scope, FlowNode event, Map<String, Object> eventVariables) {
    ElementInstance instance = executor.newInstance(scope, event);
    state.putElementInstance(instance);
    if (eventVariables != null && !eventVariables.isEmpty()) {
      executor.applyEventVariables(instance, event, eventVariables);
    }
    executor.complete(instance, event.outgoing);
  }
}
