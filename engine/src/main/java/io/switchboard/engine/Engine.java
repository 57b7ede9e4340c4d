package io.switchboard.engine;

import io.switchboard.engine.clock.ClockCommands;
import io.switchboard.engine.clock.EngineClock;
import io.switchboard.engine.command.DeploymentCommands;
import io.switchboard.engine.command.IncidentCommands;
import io.switchboard.engine.command.JobCommands;
import io.switchboard.engine.command.MessageCommands;
import io.switchboard.engine.command.ProcessInstanceCommands;
import io.switchboard.engine.command.VariableCommands;
import io.switchboard.engine.dmn.CalledDecisions;
import io.switchboard.engine.dmn.DecisionCommands;
import io.switchboard.engine.dmn.DecisionResources;
import io.switchboard.engine.dmn.DmnEvaluator;
import io.switchboard.engine.execution.ElementActivator;
import io.switchboard.engine.execution.IncidentRaiser;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.execution.VariableMerger;
import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.migration.MigrationCommands;
import io.switchboard.engine.modification.ModificationCommands;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.ProcessDefinition;
import io.switchboard.engine.state.Timer;
import io.switchboard.engine.store.EngineStore;
import io.switchboard.engine.transform.BpmnTransformer;
import io.switchboard.engine.usertask.UserTaskBehavior;
import io.switchboard.engine.usertask.UserTaskCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The embedded engine, assembled: state, storage, the command processor and the command handlers
 * the REST API calls. {@link #start()} loads the stored state and resumes timers, job deadlines and
 * message lifetimes where they were.
 */
public final class Engine {
  private final CommandProcessor processor;
  private final DeploymentCommands deployments;
  private final ProcessInstanceCommands processInstances;
  private final JobCommands jobs;
  private final MessageCommands messages;
  private final IncidentCommands incidents;
  private final VariableCommands variables;
  private final io.switchboard.engine.command.SignalCommands signals;
  private final UserTaskCommands userTasks;
  private final ClockCommands clock;
  private final ModificationCommands modifications;
  private final MigrationCommands migrations;
  private final DecisionCommands decisions;

  public Engine(EngineStore store, Clock clock) {
    this(store, new EngineClock(clock), false);
  }

  /**
   * @param clock the engine's clock, shared with the store that dates the read model
   * @param clockControl whether operators may pin and reset the clock
   */
  public Engine(EngineStore store, EngineClock clock, boolean clockControl) {
    EngineState state = new EngineState();
    this.processor = new CommandProcessor(state, store, clock);
    FeelExpressions feel = new FeelExpressions(clock);
    IncidentRaiser incidentRaiser = new IncidentRaiser(processor);
    ProcessExecutor executor =
        new ProcessExecutor(processor, feel, new VariableMerger(state, feel), incidentRaiser);
    WaitStates waitStates = new WaitStates(processor, feel, executor, incidentRaiser);
    processor.onRejection(executor::reset);
    BpmnTransformer transformer = new BpmnTransformer();
    processor.onLoad(
        () -> {
          for (ProcessDefinition definition : state.definitions.all()) {
            definition.model =
                transformer
                    .transformStored(
                        definition.resourceName,
                        definition.resource.getBytes(StandardCharsets.UTF_8))
                    .stream()
                    .filter(m -> m.processId().equals(definition.bpmnProcessId))
                    .findFirst()
                    .orElseThrow();
          }
          for (Timer timer : List.copyOf(state.timers.all())) {
            waitStates.scheduleTimer(timer);
          }
        });
    DmnEvaluator dmn = new DmnEvaluator(clock);
    executor.setDecisionEvaluator(new CalledDecisions(state, feel, dmn, clock));
    this.decisions = new DecisionCommands(processor, dmn);
    this.deployments = new DeploymentCommands(processor, waitStates, new DecisionResources(dmn));
    ElementActivator activator = new ElementActivator(executor, state, incidentRaiser);
    this.processInstances = new ProcessInstanceCommands(processor, executor, activator);
    this.modifications = new ModificationCommands(processor, executor, activator);
    this.migrations = new MigrationCommands(processor);
    this.jobs = new JobCommands(processor, executor, waitStates, incidentRaiser);
    this.messages = new MessageCommands(processor, executor, waitStates);
    this.incidents = new IncidentCommands(processor, executor, jobs);
    this.variables = new VariableCommands(processor, executor);
    this.signals =
        new io.switchboard.engine.command.SignalCommands(processor, executor, waitStates);
    UserTaskBehavior userTaskBehavior =
        new UserTaskBehavior(processor, feel, executor, waitStates, incidentRaiser);
    this.userTasks = new UserTaskCommands(processor, executor, userTaskBehavior);
    this.clock = new ClockCommands(processor, clock, clockControl);
  }

  /** Process instance modification ({@code /v2/process-instances/{key}/modification}). */
  public ModificationCommands modifications() {
    return modifications;
  }

  /** Process instance migration ({@code /v2/process-instances/{key}/migration}). */
  public MigrationCommands migrations() {
    return migrations;
  }

  /** Pinning and resetting the clock ({@code /v2/clock}). */
  public ClockCommands clock() {
    return clock;
  }

  /** DMN decisions: the evaluate decision command. */
  public DecisionCommands decisions() {
    return decisions;
  }

  /** Camunda user tasks ({@code zeebe:userTask}). */
  public UserTaskCommands userTasks() {
    return userTasks;
  }

  public io.switchboard.engine.command.SignalCommands signals() {
    return signals;
  }

  /** Watches every batch commit on the processor thread (see {@code engine.metrics}). */
  public void observe(io.switchboard.engine.processor.BatchObserver observer) {
    processor.observe(observer);
  }

  public void start() {
    processor.start();
  }

  public void stop() {
    processor.stop();
  }

  public boolean isRunning() {
    return processor.isRunning();
  }

  public DeploymentCommands deployments() {
    return deployments;
  }

  public ProcessInstanceCommands processInstances() {
    return processInstances;
  }

  public JobCommands jobs() {
    return jobs;
  }

  public MessageCommands messages() {
    return messages;
  }

  public IncidentCommands incidents() {
    return incidents;
  }

  public VariableCommands variables() {
    return variables;
  }
}
