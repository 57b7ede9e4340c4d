package io.switchboard.engine.usertask;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskSearchQueryResult;
import io.camunda.client.protocol.rest.UserTaskStateEnum;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.UserTask;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code POST /user-tasks/search} over the engine's user tasks, with Camunda's filter operators
 * ({@code $eq}, {@code $neq}, {@code $exists}, {@code $in}, {@code $notIn}, {@code $like}, and the
 * ranges for priority and dates), sort fields and offset paging. Filters the engine cannot apply
 * (variable filters, cursors) are refused by name rather than ignored.
 */
final class UserTaskSearch {
  private static final Set<String> REFUSED_FILTERS =
      Set.of("processInstanceVariables", "localVariables");

  private static final Map<String, Function<UserTask, Comparable<?>>> SORTS =
      Map.of(
          "creationDate", t -> t.creationDate,
          "completionDate", t -> t.completionDate < 0 ? null : t.completionDate,
          "followUpDate", t -> epoch(t.followUpDate),
          "dueDate", t -> epoch(t.dueDate),
          "priority", t -> t.priority,
          "name", t -> t.name);

  private final List<Predicate<UserTask>> filters;
  private final Comparator<UserTask> order;
  private final int from;
  private final int limit;

  private UserTaskSearch(
      List<Predicate<UserTask>> filters, Comparator<UserTask> order, int from, int limit) {
    this.filters = filters;
    this.order = order;
    this.from = from;
    this.limit = limit;
  }

  static UserTaskSearch parse(JsonNode body) {
    List<Predicate<UserTask>> filters = new ArrayList<>();
    Comparator<UserTask> order = Comparator.comparingLong(t -> t.key);
    int from = 0;
    int limit = 100;
    if (body == null || body.isNull() || body.isMissingNode()) {
      return new UserTaskSearch(filters, order, from, limit);
    }
    only(body, Set.of("filter", "sort", "page"), "search query");
    JsonNode filter = body.path("filter");
    if (filter.isObject()) {
      filter.fields().forEachRemaining(e -> filters.add(filter(e.getKey(), e.getValue())));
    }
    JsonNode page = body.path("page");
    if (page.isObject()) {
      only(page, Set.of("from", "limit", "after", "before"), "page");
      if (!page.path("after").isMissingNode() && !page.path("after").isNull()
          || !page.path("before").isMissingNode() && !page.path("before").isNull()) {
        throw EngineException.invalidArgument(
            "The page fields 'after' and 'before' (cursors) of a user task search are not"
                + " supported by this engine; use 'from' and 'limit'");
      }
      from = page.path("from").asInt(0);
      limit = page.path("limit").asInt(100);
    }
    JsonNode sort = body.path("sort");
    if (sort.isArray() && !sort.isEmpty()) {
      Comparator<UserTask> sorted = null;
      for (JsonNode criterion : sort) {
        String field = criterion.path("field").asText(null);
        Function<UserTask, Comparable<?>> key = SORTS.get(field);
        if (key == null) {
          throw EngineException.invalidArgument(
              "Unknown sort field '" + field + "' for user tasks; known are " + SORTS.keySet());
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<UserTask> one =
            Comparator.comparing(
                t -> (Comparable) key.apply(t), Comparator.nullsLast(Comparator.naturalOrder()));
        if ("DESC".equalsIgnoreCase(criterion.path("order").asText("ASC"))) {
          one = one.reversed();
        }
        sorted = sorted == null ? one : sorted.thenComparing(one);
      }
      order = sorted.thenComparingLong(t -> t.key);
    }
    return new UserTaskSearch(filters, order, from, limit);
  }

  UserTaskSearchQueryResult run(Collection<UserTask> tasks, ProcessExecutor executor) {
    List<UserTask> matching =
        tasks.stream()
            .filter(t -> filters.stream().allMatch(f -> f.test(t)))
            .sorted(order)
            .toList();
    List<UserTaskResult> items = new ArrayList<>();
    for (int i = from; i < matching.size() && items.size() < limit; i++) {
      items.add(result(matching.get(i), executor));
    }
    return new UserTaskSearchQueryResult()
        .items(items)
        .page(
            new SearchQueryPageResponse()
                .totalItems((long) matching.size())
                .hasMoreTotalItems(false));
  }

  static UserTaskResult result(UserTask task, ProcessExecutor executor) {
    return new UserTaskResult()
        .userTaskKey(String.valueOf(task.key))
        .name(task.name)
        .state(UserTaskStateEnum.fromValue(task.state.name()))
        .assignee(task.assignee)
        .elementId(task.elementId)
        .elementInstanceKey(String.valueOf(task.elementInstanceKey))
        .candidateGroups(new ArrayList<>(task.candidateGroups))
        .candidateUsers(new ArrayList<>(task.candidateUsers))
        .processDefinitionId(task.bpmnProcessId)
        .processName(task.processName)
        .processDefinitionKey(String.valueOf(task.processDefinitionKey))
        .processDefinitionVersion(task.version)
        .processInstanceKey(String.valueOf(task.processInstanceKey))
        .creationDate(Instant.ofEpochMilli(task.creationDate).toString())
        .completionDate(
            task.completionDate < 0 ? null : Instant.ofEpochMilli(task.completionDate).toString())
        .dueDate(task.dueDate)
        .followUpDate(task.followUpDate)
        .priority(task.priority)
        .externalFormReference(task.externalFormReference)
        .formKey(task.formKey < 0 ? null : String.valueOf(task.formKey))
        .customHeaders(new java.util.LinkedHashMap<>(task.customHeaders))
        .tenantId(task.tenantId);
  }

  private static Predicate<UserTask> filter(String field, JsonNode condition) {
    if (REFUSED_FILTERS.contains(field)) {
      if (condition == null || condition.isNull() || condition.isEmpty()) {
        return t -> true; // the client sends these as empty lists when they are not used
      }
      throw EngineException.invalidArgument(
          "The user task filter '" + field + "' is not supported by this engine");
    }
    return switch (field) {
      case "state" -> t -> Match.string(field, condition, t.state.name());
      case "assignee" -> t -> Match.string(field, condition, t.assignee);
      case "elementId" -> t -> Match.string(field, condition, t.elementId);
      case "name" -> t -> Match.string(field, condition, t.name);
      case "tenantId" -> t -> Match.string(field, condition, t.tenantId);
      case "processDefinitionId" -> t -> Match.string(field, condition, t.bpmnProcessId);
      case "candidateGroup" -> t -> Match.anyOf(field, condition, t.candidateGroups);
      case "candidateUser" -> t -> Match.anyOf(field, condition, t.candidateUsers);
      case "userTaskKey" -> t -> Match.string(field, condition, String.valueOf(t.key));
      case "processDefinitionKey" ->
          t -> Match.string(field, condition, String.valueOf(t.processDefinitionKey));
      case "processInstanceKey" ->
          t -> Match.string(field, condition, String.valueOf(t.processInstanceKey));
      case "elementInstanceKey" ->
          t -> Match.string(field, condition, String.valueOf(t.elementInstanceKey));
      case "priority" -> t -> Match.number(field, condition, (long) t.priority);
      case "creationDate" -> t -> Match.number(field, condition, t.creationDate);
      case "completionDate" ->
          t -> Match.number(field, condition, t.completionDate < 0 ? null : t.completionDate);
      case "dueDate" -> t -> Match.number(field, condition, epoch(t.dueDate));
      case "followUpDate" -> t -> Match.number(field, condition, epoch(t.followUpDate));
      default ->
          throw EngineException.invalidArgument("Unknown user task filter field '" + field + "'");
    };
  }

  private static Long epoch(String date) {
    return date == null ? null : OffsetDateTime.parse(date).toInstant().toEpochMilli();
  }

  private static void only(JsonNode node, Set<String> known, String what) {
    if (!node.isObject()) {
      throw EngineException.invalidArgument("Expected " + what + " to be an object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw EngineException.invalidArgument("Unknown field '" + name + "' in the " + what);
      }
    }
  }
}
