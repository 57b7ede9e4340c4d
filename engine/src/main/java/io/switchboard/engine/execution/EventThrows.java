package io.switchboard.engine.execution;

import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Throw and end events: none, terminate, error, escalation, signal, link and compensation, and the
 * outward search for whatever catches an error or an escalation (boundary events, event
 * subprocesses, and across call activities into the calling process).
 */
final class EventThrows {
  private final ProcessExecutor executor;
  private final WaitStates waitStates;
  private final EngineState state;
  private final IncidentRaiser incidents;

  EventThrows(
      ProcessExecutor executor,
      WaitStates waitStates,
      EngineState state,
      IncidentRaiser incidents) {
    this.executor = executor;
    this.waitStates = waitStates;
    this.state = state;
    this.incidents = incidents;
  }

  void activateThrowEvent(ElementInstance instance, FlowNode node) {
    switch (node.eventKind) {
      case MESSAGE -> waitStates.enterWaitState(instance, node);
      case SIGNAL -> {
        waitStates.broadcastFromProcess(instance, node);
        executor.complete(instance, node.outgoing);
      }
      case ESCALATION -> {
        if (!throwEscalation(instance, node.escalationCode, state.variables.local(instance.key))) {
          executor.complete(instance, node.outgoing);
        } else if (state.elementInstances.contains(instance.key)) {
          executor.complete(instance, node.outgoing); // caught without interrupting us
        }
      }
      case LINK -> {
        ElementInstance scope = state.elementInstances.get(instance.flowScopeKey);
        FlowNode target = executor.model(instance).linkTarget(node.flowScopeId, node.linkName);
        executor.removeInstance(instance, ProcessExecutor.COMPLETED);
        executor.agenda().enqueueInScope(scope, () -> executor.activate(scope, target, null));
      }
      case COMPENSATION -> compensate(instance, node);
      default -> executor.complete(instance, node.outgoing);
    }
  }

  void activateEndEvent(ElementInstance instance, FlowNode node) {
    switch (node.eventKind) {
      case ERROR -> {
        if (!throwError(instance, node.errorCode, "", Map.of())) {
          incidents.raise(
              instance,
              "UNHANDLED_ERROR_EVENT",
              "Expected to throw an error event with the code '"
                  + node.errorCode
                  + "', but it was not caught. No error events are available in the scope.",
              Incident.RetryAction.ACTIVATE_ELEMENT,
              -1);
        }
      }
      case TERMINATE -> {
        ElementInstance scope = state.elementInstances.get(instance.flowScopeKey);
        executor.removeInstance(instance, ProcessExecutor.COMPLETED);
        executor.terminateChildren(scope);
        scope.joinTokens.clear();
        state.putElementInstance(scope);
        executor.agenda().enqueue(() -> executor.completeScopeIfDone(scope));
      }
      case MESSAGE -> waitStates.enterWaitState(instance, node);
      case SIGNAL -> {
        waitStates.broadcastFromProcess(instance, node);
        executor.complete(instance, List.of());
      }
      case ESCALATION -> {
        boolean caught =
            throwEscalation(instance, node.escalationCode, state.variables.local(instance.key));
        if (!caught || state.elementInstances.contains(instance.key)) {
          executor.complete(instance, List.of());
        }
      }
      case COMPENSATION -> compensate(instance, node);
      default -> executor.complete(instance, List.of());
    }
  }

  // ---- errors and escalations

  /**
   * Sends a BPMN error outwards from {@code source} to the nearest matching error boundary event or
   * error event subprocess, crossing into calling processes; false if nothing catches it.
   */
  boolean throwError(
      ElementInstance source, String code, String message, Map<String, Object> variables) {
    Catcher catcher = findCatcher(source, EventKind.ERROR, code);
    if (catcher == null) {
      return false;
    }
    catcher.trigger(variables);
    return true;
  }

  /** Escalations are caught like errors but may be non-interrupting; uncaught ones pass. */
  boolean throwEscalation(ElementInstance source, String code, Map<String, Object> variables) {
    Catcher catcher = findCatcher(source, EventKind.ESCALATION, code);
    if (catcher == null) {
      return false;
    }
    catcher.trigger(variables);
    return true;
  }

  private interface Catcher {
    void trigger(Map<String, Object> variables);
  }

  private Catcher findCatcher(ElementInstance source, EventKind kind, String code) {
    ElementInstance current = source;
    boolean checkBoundaries = true;
    while (current != null) {
      ElementInstance holder = current;
      if (checkBoundaries && !current.isProcessInstance() && !isInnerInstance(current)) {
        FlowNode boundary =
            matching(executor.model(current), executor.node(current).boundaryEventIds, kind, code);
        if (boundary != null) {
          return vars -> waitStates.triggerBoundary(holder, boundary, vars);
        }
      }
      ElementInstance scope = state.elementInstances.get(current.flowScopeKey);
      if (current.isProcessInstance()) {
        if (current.parentElementInstanceKey < 0) {
          return null;
        }
        current = state.elementInstances.get(current.parentElementInstanceKey);
        checkBoundaries = true;
        continue;
      }
      if (scope == null) {
        return null;
      }
      if (scope.elementType != ElementType.MULTI_INSTANCE_BODY) {
        FlowNode scopeNode = executor.node(scope);
        for (String espId : scopeNode.eventSubprocessIds) {
          FlowNode esp = executor.model(scope).node(espId);
          FlowNode start = executor.model(scope).node(esp.eventStartId);
          if (start.eventKind == kind && codeMatches(start, kind, code)) {
            return vars -> waitStates.triggerEventSubprocess(scope, esp, start, vars);
          }
        }
      }
      current = scope;
      checkBoundaries = true;
    }
    return null;
  }

  private static FlowNode matching(
      ProcessModel model, List<String> candidates, EventKind kind, String code) {
    FlowNode catchAll = null;
    for (String id : candidates) {
      FlowNode event = model.node(id);
      if (event.eventKind != kind) {
        continue;
      }
      String eventCode = kind == EventKind.ERROR ? event.errorCode : event.escalationCode;
      if (eventCode == null || eventCode.isEmpty()) {
        catchAll = catchAll == null ? event : catchAll;
      } else if (eventCode.equals(code)) {
        return event;
      }
    }
    return catchAll;
  }

  private static boolean codeMatches(FlowNode start, EventKind kind, String code) {
    String eventCode = kind == EventKind.ERROR ? start.errorCode : start.escalationCode;
    return eventCode == null || eventCode.isEmpty() || eventCode.equals(code);
  }

  private boolean isInnerInstance(ElementInstance instance) {
    ElementInstance parent = state.elementInstances.get(instance.flowScopeKey);
    return parent != null && parent.elementType == ElementType.MULTI_INSTANCE_BODY;
  }

  // ---- compensation

  /**
   * Runs the compensation handlers of the activities completed so far in this process instance (or
   * only the referenced one), latest first, and waits for them before moving on.
   */
  private void compensate(ElementInstance throwEvent, FlowNode node) {
    ElementInstance pi = state.elementInstances.get(throwEvent.processInstanceKey);
    ProcessModel model = executor.model(throwEvent);
    List<String> toCompensate = new ArrayList<>();
    for (int i = pi.compensable.size() - 1; i >= 0; i--) {
      String activityId = pi.compensable.get(i);
      if (node.compensateActivityId == null || node.compensateActivityId.equals(activityId)) {
        toCompensate.add(activityId);
        pi.compensable.remove(i);
      }
    }
    state.putElementInstance(pi);
    throwEvent.pendingCompensations = toCompensate.size();
    executor.markActive(throwEvent);
    if (toCompensate.isEmpty()) {
      finishCompensationThrow(throwEvent);
      return;
    }
    for (String activityId : toCompensate) {
      FlowNode handler = model.node(model.node(activityId).compensationHandlerId);
      ElementInstance scope = scopeFor(throwEvent, handler.flowScopeId);
      executor
          .agenda()
          .enqueueInScope(
              scope,
              () -> {
                ElementInstance handlerInstance = executor.newInstance(scope, handler);
                handlerInstance.compensationThrowKey = throwEvent.key;
                state.putElementInstance(handlerInstance);
                executor.runActivation(handlerInstance, handler);
              });
    }
  }

  private ElementInstance scopeFor(ElementInstance from, String scopeElementId) {
    ElementInstance current = state.elementInstances.get(from.flowScopeKey);
    while (current != null
        && !current.elementId.equals(scopeElementId)
        && !current.isProcessInstance()) {
      current = state.elementInstances.get(current.flowScopeKey);
    }
    return current;
  }

  void compensationHandlerDone(long throwKey) {
    ElementInstance throwEvent = state.elementInstances.get(throwKey);
    if (throwEvent == null) {
      return;
    }
    throwEvent.pendingCompensations--;
    state.putElementInstance(throwEvent);
    if (throwEvent.pendingCompensations <= 0) {
      finishCompensationThrow(throwEvent);
    }
  }

  private void finishCompensationThrow(ElementInstance throwEvent) {
    FlowNode node = executor.node(throwEvent);
    executor.complete(throwEvent, node.type == ElementType.END_EVENT ? List.of() : node.outgoing);
  }
}
