package io.switchboard.engine.migration;

import io.camunda.client.protocol.rest.MigrateProcessInstanceMappingInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceMigrationInstruction;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.Job;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.MigratedRows;
import io.switchboard.engine.state.ProcessDefinition;
import io.switchboard.engine.state.Timer;
import io.switchboard.engine.state.UserTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Process instance migration ({@code newMigrateProcessInstanceCommand}, {@code POST
 * /process-instances/{key}/migration}): moves a running instance to another process definition
 * along mapping instructions. {@link MigrationPlan} checks everything first; then every element
 * instance, job, user task, timer, subscription and incident of the instance is moved in place
 * (keys, variables, timers' due dates and jobs' types and retries stay), and the read model follows
 * in the same commit.
 */
public final class MigrationCommands {
  private final CommandProcessor processor;
  private final EngineState state;

  public MigrationCommands(CommandProcessor processor) {
    this.processor = processor;
    this.state = processor.state();
  }

  public CompletableFuture<Void> migrate(
      String processInstanceKey, ProcessInstanceMigrationInstruction request) {
    long key = parse(processInstanceKey, "processInstanceKey");
    if (request == null || request.getTargetProcessDefinitionKey() == null) {
      throw EngineException.invalidArgument("No targetProcessDefinitionKey provided");
    }
    long targetKey = parse(request.getTargetProcessDefinitionKey(), "targetProcessDefinitionKey");
    Map<String, String> mappings = new LinkedHashMap<>();
    if (request.getMappingInstructions() != null) {
      for (MigrateProcessInstanceMappingInstruction m : request.getMappingInstructions()) {
        if (mappings.put(m.getSourceElementId(), m.getTargetElementId()) != null) {
          throw EngineException.invalidArgument(
              "Expected to migrate process instance '"
                  + key
                  + "' but the mapping instructions contain the source element id '"
                  + m.getSourceElementId()
                  + "' more than once. Elements can be mapped only once.");
        }
      }
    }
    return processor.submit(
        reply -> {
          ElementInstance pi = state.elementInstances.get(key);
          if (pi == null || !pi.isProcessInstance()) {
            throw EngineException.notFound(
                "Expected to migrate process instance but no process instance found with key '"
                    + key
                    + "'");
          }
          ProcessDefinition target = state.definitions.get(targetKey);
          if (target == null || !target.tenantId.equals(pi.tenantId)) {
            throw EngineException.notFound(
                "Expected to migrate process instance to process definition but no process"
                    + " definition found with key '"
                    + targetKey
                    + "'");
          }
          ProcessDefinition source = state.definitions.get(pi.processDefinitionKey);
          mappings.putIfAbsent(source.bpmnProcessId, target.bpmnProcessId);
          MigrationPlan plan = new MigrationPlan(state, pi, source.model, target.model, mappings);
          plan.checkMappings();
          if (!pi.compensable.isEmpty()) {
            throw EngineException.invalidState(
                "Expected to migrate process instance '"
                    + key
                    + "' but it has completed activities with compensation handlers; migrating"
                    + " them is not supported by this engine.");
          }
          List<ElementInstance> instances = new ArrayList<>();
          collect(pi, instances);
          instances.forEach(plan::checkTriggers);
          plan.checkScope(
              pi, source.model.node(source.bpmnProcessId), target.model.node(target.bpmnProcessId));
          for (ElementInstance instance : instances) {
            FlowNode to =
                instance.isProcessInstance()
                    ? target.model.node(target.bpmnProcessId)
                    : plan.targetOf(instance.elementId);
            move(instance, target, to, plan);
          }
          processor.reply(reply, null);
        });
  }

  private void collect(ElementInstance scope, List<ElementInstance> into) {
    into.add(scope);
    for (ElementInstance child : state.children(scope.key)) {
      collect(child, into);
    }
  }

  private void move(
      ElementInstance instance, ProcessDefinition target, FlowNode to, MigrationPlan plan) {
    String sourceId = instance.elementId;
    boolean processInstance = instance.isProcessInstance();
    instance.processDefinitionKey = target.key;
    instance.bpmnProcessId = target.bpmnProcessId;
    instance.version = target.version;
    instance.elementId = to.id;
    state.putElementInstance(instance);
    record(
        instance.isProcessInstance()
            ? MigratedRows.Kind.PROCESS_INSTANCE
            : MigratedRows.Kind.ELEMENT_INSTANCE,
        instance.key,
        target,
        to.id);
    if (instance.jobKey >= 0 && state.jobs.contains(instance.jobKey)) {
      Job job = state.jobs.get(instance.jobKey);
      job.processDefinitionKey = target.key;
      job.bpmnProcessId = target.bpmnProcessId;
      job.version = target.version;
      job.elementId = to.id;
      state.putJob(job);
      record(MigratedRows.Kind.JOB, job.key, target, to.id);
    }
    for (UserTask task : state.userTasks.all()) {
      if (task.elementInstanceKey == instance.key && task.state == UserTask.State.CREATED) {
        task.processDefinitionKey = target.key;
        task.bpmnProcessId = target.bpmnProcessId;
        task.version = target.version;
        task.elementId = to.id;
        state.userTasks.put(task.key, task);
      }
    }
    for (Long timerKey : state.timersOf(instance.key)) {
      Timer timer = state.timers.get(timerKey);
      String catchId = catchTarget(timer.targetElementId, sourceId, processInstance, to, plan);
      if (catchId == null) {
        state.removeTimer(timerKey);
      } else {
        timer.processDefinitionKey = target.key;
        timer.targetElementId = catchId;
        state.putTimer(timer);
      }
    }
    for (Long subscriptionKey : state.subscriptionsOf(instance.key)) {
      MessageSubscription s = state.subscriptions.get(subscriptionKey);
      String catchId = catchTarget(s.catchElementId, sourceId, processInstance, to, plan);
      if (catchId == null) {
        state.removeSubscription(subscriptionKey);
      } else {
        s.catchElementId = catchId;
        state.putSubscription(s);
        record(MigratedRows.Kind.MESSAGE_SUBSCRIPTION, s.key, target, catchId);
      }
    }
    for (Incident incident : state.activeIncidentsOf(instance.key)) {
      incident.processDefinitionKey = target.key;
      incident.bpmnProcessId = target.bpmnProcessId;
      incident.elementId = to.id;
      state.incidents.put(incident.key, incident);
      record(MigratedRows.Kind.INCIDENT, incident.key, target, to.id);
    }
  }

  /** Where a trigger's catch element goes: the element itself, a mapped boundary, or nowhere. */
  private static String catchTarget(
      String catchElementId,
      String sourceId,
      boolean processInstance,
      FlowNode to,
      MigrationPlan plan) {
    if (catchElementId.equals(sourceId) || processInstance) {
      return to.id;
    }
    FlowNode mapped = plan.targetOf(catchElementId);
    return mapped == null || mapped.type != ElementType.BOUNDARY_EVENT ? null : mapped.id;
  }

  private void record(
      MigratedRows.Kind kind, long key, ProcessDefinition target, String elementId) {
    state.migratedRows.add(
        new MigratedRows.Moved(
            kind, key, target.key, target.bpmnProcessId, target.version, elementId));
  }

  private static long parse(String value, String what) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw EngineException.invalidArgument(
          "Expected " + what + " to be a numeric key, but it was '" + value + "'");
    }
  }
}
