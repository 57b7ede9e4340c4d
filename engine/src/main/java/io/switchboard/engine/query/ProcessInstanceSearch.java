package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.BOOLEAN;
import static io.switchboard.engine.query.FieldType.DATE;
import static io.switchboard.engine.query.FieldType.INTEGER;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;
import static io.switchboard.engine.query.FilterField.enumeration;
import static io.switchboard.engine.query.FilterField.related;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ElementInstanceStateEnum;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.switchboard.engine.processor.EngineException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** {@code POST /process-instances/search}: process instances, running and ended. */
final class ProcessInstanceSearch {
  private static final String ELEMENT =
      "SELECT 1 FROM engine_history_element_instance e WHERE e.process_instance_key = p.key_";
  private static final String ACTIVE_INCIDENT =
      "SELECT 1 FROM engine_history_incident i WHERE i.process_instance_key = p.key_"
          + " AND i.state = 'ACTIVE'";
  private static final String RETRYING_JOB =
      "SELECT 1 FROM engine_history_job j WHERE j.process_instance_key = p.key_"
          + " AND j.has_failed_with_retries_left = TRUE";
  private static final String VARIABLE =
      "SELECT 1 FROM engine_history_variable v WHERE v.process_instance_key = p.key_ AND ";

  static final SearchSpec<ProcessInstanceResult> SPEC = spec();

  private ProcessInstanceSearch() {}

  private static SearchSpec<ProcessInstanceResult> spec() {
    Map<String, FilterField> filters = new HashMap<>();
    filters.put("processInstanceKey", column("p.key_", KEY));
    filters.put("processDefinitionId", column("p.bpmn_process_id", STRING));
    filters.put("processDefinitionName", column("p.process_definition_name", STRING));
    filters.put("processDefinitionVersion", column("p.process_definition_version", INTEGER));
    filters.put("processDefinitionVersionTag", column("p.version_tag", STRING));
    filters.put("processDefinitionKey", column("p.process_definition_key", KEY));
    filters.put("parentProcessInstanceKey", column("p.parent_process_instance_key", KEY));
    filters.put("parentElementInstanceKey", column("p.parent_element_instance_key", KEY));
    filters.put("startDate", column("p.start_date", DATE));
    filters.put("endDate", column("p.end_date", DATE));
    filters.put(
        "state",
        enumeration(
            "p.state",
            Rows.values(ProcessInstanceStateEnum.class, ProcessInstanceStateEnum::getValue)));
    filters.put("hasIncident", column("p.has_incident", BOOLEAN));
    filters.put("tenantId", column("p.tenant_id", STRING));
    // the engine runs no batch operations: no instance belongs to one
    filters.put("batchOperationId", column("CAST(NULL AS CHAR(1))", STRING));
    filters.put("errorMessage", related(ACTIVE_INCIDENT, column("i.error_message", STRING)));
    filters.put(
        "incidentErrorHashCode", related(ACTIVE_INCIDENT, column("i.error_message_hash", INTEGER)));
    filters.put("elementId", related(ELEMENT, column("e.element_id", STRING)));
    filters.put(
        "elementInstanceState",
        related(
            ELEMENT,
            enumeration(
                "e.state",
                Rows.values(ElementInstanceStateEnum.class, ElementInstanceStateEnum::getValue))));
    filters.put("hasElementInstanceIncident", related(ELEMENT, column("e.has_incident", BOOLEAN)));
    filters.put("hasRetriesLeft", ProcessInstanceSearch::hasRetriesLeft);
    filters.put("variables", ProcessInstanceSearch::variables);
    filters.put("tags", ProcessInstanceSearch::tags);
    Map<String, FilterField> withOr = new HashMap<>(filters);
    SearchSpec<ProcessInstanceResult> base =
        new SearchSpec<>(
            "process instance",
            "engine_history_process_instance p",
            "p.*",
            "p.key_",
            filters,
            Map.of(),
            ProcessInstanceSearch::map);
    withOr.put("$or", (field, value, where) -> anyOf(base, value, where));
    Map<String, String> sorts = new HashMap<>();
    sorts.put("processInstanceKey", "p.key_");
    sorts.put("processDefinitionId", "p.bpmn_process_id");
    sorts.put("processDefinitionName", "p.process_definition_name");
    sorts.put("processDefinitionVersion", "p.process_definition_version");
    sorts.put("processDefinitionVersionTag", "p.version_tag");
    sorts.put("processDefinitionKey", "p.process_definition_key");
    sorts.put("parentProcessInstanceKey", "p.parent_process_instance_key");
    sorts.put("parentElementInstanceKey", "p.parent_element_instance_key");
    sorts.put("startDate", "p.start_date");
    sorts.put("endDate", "p.end_date");
    sorts.put("state", "p.state");
    sorts.put("hasIncident", "p.has_incident");
    sorts.put("tenantId", "p.tenant_id");
    return new SearchSpec<>(
        "process instance",
        "engine_history_process_instance p",
        "p.*",
        "p.key_",
        Map.copyOf(withOr),
        Map.copyOf(sorts),
        ProcessInstanceSearch::map);
  }

  /** {@code $or}: a list of filters, any of which may match. */
  private static void anyOf(SearchSpec<?> base, JsonNode value, SqlWhere where) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isArray()) {
      throw EngineException.invalidArgument("Expected filter field '$or' to be a list of filters");
    }
    List<SqlWhere> alternatives = new ArrayList<>();
    for (JsonNode alternative : value) {
      alternatives.add(base.where(alternative));
    }
    where.anyOf(alternatives);
  }

  private static void hasRetriesLeft(String field, JsonNode value, SqlWhere where) {
    if (value == null || value.isNull()) {
      return;
    }
    boolean retriesLeft = (Boolean) BOOLEAN.read(field, value);
    where.add((retriesLeft ? "EXISTS (" : "NOT EXISTS (") + RETRYING_JOB + ")");
  }

  /** {@code variables}: a list of {@code {name, value}}; each must match a variable. */
  private static void variables(String field, JsonNode value, SqlWhere where) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isArray()) {
      throw EngineException.invalidArgument(
          "Expected filter field 'variables' to be a list of {name, value}");
    }
    for (JsonNode variable : value) {
      JsonNode name = variable.path("name");
      if (!name.isTextual()
          || variable.size() > 2
          || (variable.size() == 2 && !variable.has("value"))) {
        throw EngineException.invalidArgument(
            "Expected every entry of filter field 'variables' to be {name, value}, but was "
                + variable);
      }
      SqlWhere match = new SqlWhere().add("v.name = ?", name.textValue());
      column("v.value_", STRING).apply("variables.value", variable.get("value"), match);
      where.add("EXISTS (" + VARIABLE + match.sql() + ")", match.args());
    }
  }

  /** {@code tags}: the engine keeps no tags, so only an empty list matches anything. */
  private static void tags(String field, JsonNode value, SqlWhere where) {
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      return;
    }
    if (!value.isArray()) {
      throw EngineException.invalidArgument("Expected filter field 'tags' to be a list of strings");
    }
    where.add("1 = 0");
  }

  static ProcessInstanceResult map(ResultSet rs, int row) throws SQLException {
    return new ProcessInstanceResult()
        .processInstanceKey(Rows.key(rs, "key_"))
        .processDefinitionKey(Rows.key(rs, "process_definition_key"))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .processDefinitionName(rs.getString("process_definition_name"))
        .processDefinitionVersion(Rows.integer(rs, "process_definition_version"))
        .processDefinitionVersionTag(rs.getString("version_tag"))
        .tenantId(rs.getString("tenant_id"))
        .state(ProcessInstanceStateEnum.fromValue(rs.getString("state")))
        .startDate(Rows.date(rs, "start_date"))
        .endDate(Rows.date(rs, "end_date"))
        .hasIncident(rs.getBoolean("has_incident"))
        .parentProcessInstanceKey(Rows.key(rs, "parent_process_instance_key"))
        .parentElementInstanceKey(Rows.key(rs, "parent_element_instance_key"))
        .tags(new LinkedHashSet<>());
  }
}
