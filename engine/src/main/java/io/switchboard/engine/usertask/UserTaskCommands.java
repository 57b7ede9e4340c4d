package io.switchboard.engine.usertask;

import io.camunda.client.protocol.rest.Changeset;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskUpdateRequest;
import io.switchboard.engine.command.Keys;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.form.FormResources;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Form;
import io.switchboard.engine.state.UserTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The user task commands of the Camunda 8 REST API ({@code /v2/user-tasks/...}): assign, unassign,
 * update and complete, each durable before it is answered, with Zeebe's rejections (404 for an
 * unknown task, 409 for a task that is no longer CREATED or already assigned without override).
 */
public final class UserTaskCommands {
  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final UserTaskBehavior behavior;

  public UserTaskCommands(
      CommandProcessor processor, ProcessExecutor executor, UserTaskBehavior behavior) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.behavior = behavior;
  }

  public CompletableFuture<Void> assign(String userTaskKey, UserTaskAssignmentRequest request) {
    long key = Keys.parse(userTaskKey, "userTaskKey");
    if (request == null || request.getAssignee() == null || request.getAssignee().isBlank()) {
      throw EngineException.invalidArgument("No assignee provided");
    }
    boolean allowOverride = request.getAllowOverride() == null || request.getAllowOverride();
    return processor.submit(
        reply -> {
          UserTask task = open(key, "ASSIGN", "assign");
          if (!allowOverride && task.assignee != null) {
            throw EngineException.invalidState(
                "Command 'ASSIGN' rejected with code 'INVALID_STATE': Expected to assign user task"
                    + " with key '"
                    + key
                    + "', but it is already assigned to '"
                    + task.assignee
                    + "' and allowOverride is false");
          }
          task.assignee = request.getAssignee();
          state.userTasks.put(task.key, task);
          processor.reply(reply, null);
        });
  }

  public CompletableFuture<Void> unassign(String userTaskKey) {
    long key = Keys.parse(userTaskKey, "userTaskKey");
    return processor.submit(
        reply -> {
          UserTask task = open(key, "ASSIGN", "unassign");
          task.assignee = null;
          state.userTasks.put(task.key, task);
          processor.reply(reply, null);
        });
  }

  public CompletableFuture<Void> update(String userTaskKey, UserTaskUpdateRequest request) {
    long key = Keys.parse(userTaskKey, "userTaskKey");
    Changes changes = Changes.of(request == null ? null : request.getChangeset());
    return processor.submit(
        reply -> {
          UserTask task = open(key, "UPDATE", "update");
          if (changes.dueDate() != null) {
            task.dueDate = changes.dueDate().isEmpty() ? null : changes.dueDate();
          }
          if (changes.followUpDate() != null) {
            task.followUpDate = changes.followUpDate().isEmpty() ? null : changes.followUpDate();
          }
          if (changes.candidateGroups() != null) {
            task.candidateGroups = new ArrayList<>(changes.candidateGroups());
          }
          if (changes.candidateUsers() != null) {
            task.candidateUsers = new ArrayList<>(changes.candidateUsers());
          }
          if (changes.priority() != null) {
            task.priority = changes.priority();
          }
          state.userTasks.put(task.key, task);
          processor.reply(reply, null);
        });
  }

  /**
   * An update's changeset, validated before it reaches the processor so a bad value changes
   * nothing. The client's {@link Changeset} is a map as well as a bean, and Jackson fills it as a
   * map, so values are read from the entries. Null means "leave as is", an empty date clears it.
   */
  private record Changes(
      String dueDate,
      String followUpDate,
      List<String> candidateGroups,
      List<String> candidateUsers,
      Integer priority) {
    static Changes of(Changeset changeset) {
      if (changeset == null) {
        return new Changes(null, null, null, null, null);
      }
      for (String field : changeset.keySet()) {
        if (!List.of("dueDate", "followUpDate", "candidateGroups", "candidateUsers", "priority")
            .contains(field)) {
          throw EngineException.invalidArgument(
              "Unknown field '" + field + "' in the user task changeset");
        }
      }
      Object priority = changeset.get("priority");
      if (priority != null
          && (!(priority instanceof Number n) || n.intValue() < 0 || n.intValue() > 100)) {
        throw EngineException.invalidArgument(
            "The value for priority is '" + priority + "' but must be within the [0,100] range");
      }
      return new Changes(
          date(changeset.get("dueDate"), "dueDate"),
          date(changeset.get("followUpDate"), "followUpDate"),
          strings(changeset.get("candidateGroups"), "candidateGroups"),
          strings(changeset.get("candidateUsers"), "candidateUsers"),
          priority == null ? null : ((Number) priority).intValue());
    }

    private static List<String> strings(Object value, String field) {
      if (value == null) {
        return null;
      }
      if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
        return list.stream().map(String.class::cast).toList();
      }
      throw EngineException.invalidArgument("Expected " + field + " to be a list of strings");
    }

    private static String date(Object value, String field) {
      if (value == null) {
        return null;
      }
      String text = String.valueOf(value);
      if (text.isEmpty()) {
        return ""; // Camunda clears a date given as an empty string
      }
      try {
        return UserTaskValues.normalizeDate(text, field);
      } catch (FeelEvaluationException e) {
        throw EngineException.invalidArgument(
            "The provided " + field + " '" + text + "' cannot be parsed as a date-time");
      }
    }
  }

  /**
   * Completes the task and its element: the variables are merged like a job completion's (into the
   * task's scope when it has output mappings, else propagated), then the process carries on.
   */
  public CompletableFuture<Void> complete(String userTaskKey, UserTaskCompletionRequest request) {
    long key = Keys.parse(userTaskKey, "userTaskKey");
    Map<String, Object> variables = request == null ? null : request.getVariables();
    return processor.submit(
        reply -> {
          UserTask task = open(key, "COMPLETE", "complete");
          ElementInstance instance = state.elementInstances.get(task.elementInstanceKey);
          FlowNode node = executor.model(instance).node(instance.elementId);
          task.state = UserTask.State.COMPLETED;
          task.completionDate = processor.now();
          state.userTasks.put(task.key, task);
          behavior.completed(task);
          if (variables != null && !variables.isEmpty()) {
            if (node.hasOutputMappings()) {
              executor.variables().setLocal(instance, variables);
            } else {
              executor.variables().propagate(instance.key, variables);
            }
          }
          executor.complete(instance, node.outgoing);
          executor.drain();
          processor.reply(reply, null);
        });
  }

  /** For {@code GET /user-tasks/{key}}, read on the processor thread. */
  public CompletableFuture<UserTaskResult> get(String userTaskKey) {
    long key = Keys.parse(userTaskKey, "userTaskKey");
    return processor.query(
        () -> {
          UserTask task = found(key);
          return UserTaskSearch.result(task, executor);
        });
  }

  /**
   * {@code GET /user-tasks/{key}/form}: the task's linked form as resolved when the task was
   * created, or empty (204) when it has none.
   */
  public CompletableFuture<Optional<FormResult>> form(String userTaskKey) {
    long key = Keys.parse(userTaskKey, "userTaskKey");
    return processor.query(
        () -> {
          UserTask task = found(key);
          Form form = task.formKey < 0 ? null : state.forms.get(task.formKey);
          return Optional.ofNullable(form == null ? null : FormResources.result(form));
        });
  }

  private UserTask found(long key) {
    UserTask task = state.userTasks.get(key);
    if (task == null) {
      throw EngineException.notFound("User task with key '" + key + "' not found");
    }
    return task;
  }

  /** The task's element instance and the scopes around it, innermost first. */
  public CompletableFuture<List<Long>> scopeKeys(String userTaskKey) {
    long key = Keys.parse(userTaskKey, "userTaskKey");
    return processor.query(
        () -> {
          UserTask task = found(key);
          return List.copyOf(task.scopeKeys);
        });
  }

  /** For {@code POST /user-tasks/search}. */
  public CompletableFuture<io.camunda.client.protocol.rest.UserTaskSearchQueryResult> search(
      com.fasterxml.jackson.databind.JsonNode query) {
    UserTaskSearch search = UserTaskSearch.parse(query);
    return processor.query(() -> search.run(state.userTasks.all(), executor));
  }

  /**
   * Forgets the ended user tasks of process instances whose history retention removed (they are
   * kept after their end for searches, so without this they would pile up).
   */
  public CompletableFuture<Void> forgetEndedOf(java.util.Collection<Long> processInstanceKeys) {
    java.util.Set<Long> ended = new java.util.HashSet<>(processInstanceKeys);
    return processor.submit(
        reply -> {
          for (UserTask task : List.copyOf(state.userTasks.all())) {
            if (task.state != UserTask.State.CREATED && ended.contains(task.processInstanceKey)) {
              state.userTasks.remove(task.key);
            }
          }
          processor.reply(reply, null);
        });
  }

  private UserTask open(long key, String command, String verb) {
    UserTask task = state.userTasks.get(key);
    if (task == null) {
      throw EngineException.notFound(
          "Command '"
              + command
              + "' rejected with code 'NOT_FOUND': Expected to "
              + verb
              + " user task with key '"
              + key
              + "', but no such user task was found");
    }
    if (task.state != UserTask.State.CREATED) {
      throw EngineException.invalidState(
          "Command '"
              + command
              + "' rejected with code 'INVALID_STATE': Expected to "
              + verb
              + " user task with key '"
              + key
              + "', but it is in state '"
              + task.state
              + "'");
    }
    return task;
  }
}
