package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.ProcessDefinition;
import io.switchboard.engine.state.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything an element waits for, entered on activation and left when the element goes away: jobs
 * for workers ({@link ElementJobs}), timers ({@link Timers}), message and signal subscriptions
 * ({@link MessageCorrelation}, {@link Signals}), the boundary events, event-based gateways and
 * event subprocess starts ({@link EventTriggers}), and wait states of other packages ({@link
 * WaitStateBehavior}).
 */
public final class WaitStates {
  private final EngineState state;
  private final ProcessExecutor executor;
  private final IncidentRaiser incidents;
  private final ElementJobs jobs;
  private final Timers timers;
  private final MessageCorrelation correlation;
  private final Signals signals;
  private final EventTriggers triggers;
  private final List<WaitStateBehavior> behaviors = new ArrayList<>();

  public WaitStates(
      CommandProcessor processor,
      FeelExpressions feel,
      ProcessExecutor executor,
      IncidentRaiser incidents) {
    this.state = processor.state();
    this.executor = executor;
    this.incidents = incidents;
    this.jobs = new ElementJobs(state, feel);
    EventRouter router = (waiting, event, vars) -> triggers().eventHappened(waiting, event, vars);
    this.timers = new Timers(processor, feel, executor, router);
    this.correlation = new MessageCorrelation(processor, feel, executor, router);
    this.signals = new Signals(state, feel, executor, incidents, correlation);
    this.triggers = new EventTriggers(state, executor, incidents, timers, correlation);
    executor.setWaitStates(this);
  }

  private EventTriggers triggers() {
    return triggers;
  }

  /** Told the job type whenever a job becomes activatable, to serve long-polling requests. */
  public void setJobAvailableListener(Consumer<String> listener) {
    jobs.setJobAvailableListener(listener);
  }

  public void jobAvailable(String type) {
    jobs.jobAvailable(type);
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
        ElementJobs.Spec job = jobs.evaluate(instance, node);
        if (!openBoundaryEvents(instance, node)) {
          return;
        }
        jobs.create(instance, node, job);
      } else if (node.type == ElementType.RECEIVE_TASK
          || node.eventKind == EventKind.MESSAGE
          || node.eventKind == EventKind.SIGNAL) {
        MessageSubscription own = correlation.subscription(instance, node);
        if (node.type == ElementType.RECEIVE_TASK && !openBoundaryEvents(instance, node)) {
          return;
        }
        correlation.open(own);
      } else if (node.eventKind == EventKind.TIMER) {
        timers.create(instance, node);
      } else {
        throw new IllegalStateException("No wait state for " + node.type + " '" + node.id + "'");
      }
      executor.markActive(instance);
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
    }
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

  // ---- events caught besides the element's own wait state

  /**
   * Opens the timers and subscriptions of attached boundary events; false if it raised an incident.
   */
  public boolean openBoundaryEvents(ElementInstance instance, FlowNode node) {
    return triggers.openBoundaryEvents(instance, node);
  }

  /** Opens the start triggers (message, timer, signal) of a scope's event subprocesses. */
  void openEventSubprocessTriggers(ElementInstance scope, FlowNode scopeNode) {
    triggers.openEventSubprocessTriggers(scope, scopeNode);
  }

  void openEventBasedGateway(ElementInstance gateway, FlowNode node) {
    triggers.openEventBasedGateway(gateway, node);
  }

  void triggerBoundary(ElementInstance host, FlowNode boundary, Map<String, Object> variables) {
    triggers.triggerBoundary(host, boundary, variables);
  }

  void enterEventSubprocess(ElementInstance esp) {
    triggers.enterEventSubprocess(esp);
  }

  void triggerEventSubprocess(
      ElementInstance scope, FlowNode eventSubprocess, FlowNode start, Map<String, Object> vars) {
    triggers.triggerEventSubprocess(scope, eventSubprocess, start, vars);
  }

  // ---- timers, messages, signals and errors from outside

  /** Start-event timers of a newly deployed definition. */
  public void createStartTimer(ProcessDefinition definition, FlowNode node) {
    timers.createStartTimer(definition, node);
  }

  /** Schedules a stored timer (after a restart, or when it moved). */
  public void scheduleTimer(Timer timer) {
    timers.schedule(timer);
  }

  /** Delivers a message or signal to an open subscription. */
  public void triggerSubscription(MessageSubscription subscription, Map<String, Object> variables) {
    correlation.trigger(subscription, variables);
  }

  /** Broadcasts a signal to every subscription and signal start event of the tenant. */
  public List<Long> broadcast(String tenantId, String name, Map<String, Object> variables) {
    return signals.broadcast(tenantId, name, variables);
  }

  /** A signal throw or end event: the signal carries the event's input-mapped variables. */
  void broadcastFromProcess(ElementInstance instance, FlowNode node) {
    signals.broadcastFromProcess(instance, node);
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
