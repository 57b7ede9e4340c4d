package io.switchboard.engine.usertask;

import io.switchboard.engine.execution.IncidentRaiser;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.execution.WaitStateBehavior;
import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.usertask.UserTaskDefinition;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Form;
import io.switchboard.engine.state.UserTask;
import java.util.HashMap;
import java.util.Map;

/**
 * The wait state of a Camunda user task: on activation it evaluates the task's expressions and
 * creates the {@link UserTask}; when the element goes away any other way than by completing the
 * task (an interrupting boundary event, cancellation, termination) the task ends CANCELED.
 */
public final class UserTaskBehavior implements WaitStateBehavior {
  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final WaitStates waitStates;
  private final IncidentRaiser incidents;
  private final UserTaskValues values;

  /** Element instance key to the key of its open (CREATED) user task. */
  private final Map<Long, Long> openTasks = new HashMap<>();

  public UserTaskBehavior(
      CommandProcessor processor,
      FeelExpressions feel,
      ProcessExecutor executor,
      WaitStates waitStates,
      IncidentRaiser incidents) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.waitStates = waitStates;
    this.incidents = incidents;
    this.values = new UserTaskValues(feel);
    waitStates.register(this);
    processor.onLoad(this::reindex);
  }

  @Override
  public boolean appliesTo(FlowNode node) {
    return node.userTask != null;
  }

  @Override
  public void enter(ElementInstance instance, FlowNode node) {
    UserTask task = new UserTask();
    try {
      values.evaluate(node.userTask, state.visibleVariables(instance.key), task);
    } catch (FeelEvaluationException e) {
      // as in Zeebe: the element stays activating with an incident; resolving it re-evaluates
      incidents.activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    UserTaskDefinition definition = node.userTask;
    if (definition.formId() != null) {
      Form form = latestForm(instance.tenantId, definition.formId());
      if (form == null) {
        incidents.activationFailed(
            instance,
            "FORM_NOT_FOUND",
            "Expected to find a form with id '"
                + definition.formId()
                + "', but no form with this id is found, at least a form with this id should be"
                + " available. To resolve the Incident please deploy a form with the same id");
        return;
      }
      task.formKey = form.key;
    }
    if (!waitStates.openBoundaryEvents(instance, node)) {
      return;
    }
    task.key = state.keys.nextKey();
    task.name = definition.name();
    task.processName = definition.processName();
    task.customHeaders.putAll(node.taskHeaders);
    task.creationDate = processor.now();
    task.elementId = node.id;
    task.elementInstanceKey = instance.key;
    task.processInstanceKey = instance.processInstanceKey;
    task.processDefinitionKey = instance.processDefinitionKey;
    task.bpmnProcessId = instance.bpmnProcessId;
    task.version = instance.version;
    task.tenantId = instance.tenantId;
    for (long scope = instance.key; scope >= 0; ) {
      task.scopeKeys.add(scope);
      ElementInstance ei = state.elementInstances.get(scope);
      scope = ei == null ? -1 : ei.flowScopeKey;
    }
    state.userTasks.put(task.key, task);
    openTasks.put(instance.key, task.key);
    executor.markActive(instance);
  }

  /** A linked form's binding {@code latest}: its highest version in the task's tenant. */
  private Form latestForm(String tenantId, String formId) {
    Form latest = null;
    for (Form form : state.forms.all()) {
      if (form.tenantId.equals(tenantId)
          && form.formId.equals(formId)
          && (latest == null || form.version > latest.version)) {
        latest = form;
      }
    }
    return latest;
  }

  @Override
  public void left(ElementInstance instance) {
    Long key = openTasks.remove(instance.key);
    if (key == null) {
      return;
    }
    UserTask task = state.userTasks.get(key);
    if (task != null && task.state == UserTask.State.CREATED) {
      task.state = UserTask.State.CANCELED;
      task.completionDate = processor.now();
      state.userTasks.put(task.key, task);
    }
  }

  /** The task was completed by a command: it no longer holds its element instance open. */
  void completed(UserTask task) {
    openTasks.remove(task.elementInstanceKey);
  }

  private void reindex() {
    openTasks.clear();
    for (UserTask task : state.userTasks.all()) {
      if (task.state == UserTask.State.CREATED) {
        openTasks.put(task.elementInstanceKey, task.key);
      }
    }
  }
}
