package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.ProcessDefinition;
import io.switchboard.engine.state.Timer;
import java.util.Map;

/**
 * Timers of catch events, boundary events, event subprocess and process start events: stored with
 * their due date, scheduled on the processor, and on firing rescheduled (cycles) and routed to what
 * waits for them, or a new instance for a start event.
 */
final class Timers {
  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final TimerCalculator calculator;
  private final EventRouter router;

  Timers(
      CommandProcessor processor,
      FeelExpressions feel,
      ProcessExecutor executor,
      EventRouter router) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.calculator = new TimerCalculator(feel);
    this.router = router;
  }

  /** When the event's timer is due, evaluated in the variables of {@code owner}. */
  TimerCalculator.Due due(ElementInstance owner, FlowNode event) {
    return calculator.evaluate(event.timer, state.visibleVariables(owner.key), processor.now());
  }

  void create(ElementInstance instance, FlowNode node) {
    store(instance, node, due(instance, node));
  }

  /** A timer held by {@code owner} (the waiting element, or the scope of a boundary or start). */
  void store(ElementInstance owner, FlowNode node, TimerCalculator.Due due) {
    Timer timer = newTimer(node, due, owner.processDefinitionKey, owner.tenantId);
    timer.elementInstanceKey = owner.key;
    timer.processInstanceKey = owner.processInstanceKey;
    storeAndSchedule(timer);
  }

  /** Start-event timers of a newly deployed definition. */
  void createStartTimer(ProcessDefinition definition, FlowNode node) {
    TimerCalculator.Due due = calculator.evaluate(node.timer, Map.of(), processor.now());
    storeAndSchedule(newTimer(node, due, definition.key, definition.tenantId));
  }

  private Timer newTimer(
      FlowNode node, TimerCalculator.Due due, long processDefinitionKey, String tenantId) {
    Timer timer = new Timer();
    timer.key = state.keys.nextKey();
    timer.dueDate = due.dueAt();
    timer.processDefinitionKey = processDefinitionKey;
    timer.targetElementId = node.id;
    timer.repetitionsLeft = due.repetitions();
    timer.interval = due.interval();
    timer.tenantId = tenantId;
    return timer;
  }

  private void storeAndSchedule(Timer timer) {
    state.putTimer(timer);
    schedule(timer);
  }

  void schedule(Timer timer) {
    long key = timer.key;
    long due = timer.dueDate;
    processor.schedule(due, () -> fire(key, due));
  }

  private void fire(long timerKey, long expectedDue) {
    Timer timer = state.timers.get(timerKey);
    if (timer == null || timer.dueDate != expectedDue) {
      return; // removed, or rescheduled since
    }
    boolean repeats = timer.interval != null && timer.repetitionsLeft != 0;
    if (repeats) {
      timer.dueDate = calculator.next(timer.interval, timer.dueDate);
      if (timer.repetitionsLeft > 0) {
        timer.repetitionsLeft--;
      }
      state.putTimer(timer);
      schedule(timer);
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
        router.eventHappened(
            waiting, executor.model(waiting).node(timer.targetElementId), Map.of());
      }
    }
    executor.drain();
  }
}
