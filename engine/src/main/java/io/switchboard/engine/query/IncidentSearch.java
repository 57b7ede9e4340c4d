package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.DATE;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;
import static io.switchboard.engine.query.FilterField.enumeration;

import io.camunda.client.protocol.rest.IncidentFilter;
import io.camunda.client.protocol.rest.IncidentResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** {@code POST /incidents/search}: open and resolved incidents. */
final class IncidentSearch {
  static final SearchSpec<IncidentResult> SPEC =
      new SearchSpec<>(
          "incident",
          "engine_history_incident i",
          "i.*",
          "i.key_",
          Map.ofEntries(
              Map.entry("incidentKey", column("i.key_", KEY)),
              Map.entry("processDefinitionKey", column("i.process_definition_key", KEY)),
              Map.entry("processDefinitionId", column("i.bpmn_process_id", STRING)),
              Map.entry("processInstanceKey", column("i.process_instance_key", KEY)),
              Map.entry(
                  "errorType",
                  enumeration(
                      "i.error_type",
                      Rows.values(
                          IncidentFilter.ErrorTypeEnum.class,
                          IncidentFilter.ErrorTypeEnum::getValue))),
              Map.entry("errorMessage", column("i.error_message", STRING)),
              Map.entry("elementId", column("i.element_id", STRING)),
              Map.entry("elementInstanceKey", column("i.element_instance_key", KEY)),
              Map.entry("creationTime", column("i.creation_time", DATE)),
              Map.entry(
                  "state",
                  enumeration(
                      "i.state",
                      Rows.values(
                          IncidentFilter.StateEnum.class, IncidentFilter.StateEnum::getValue))),
              Map.entry("jobKey", column("i.job_key", KEY)),
              Map.entry("tenantId", column("i.tenant_id", STRING))),
          Map.ofEntries(
              Map.entry("incidentKey", "i.key_"),
              Map.entry("processDefinitionKey", "i.process_definition_key"),
              Map.entry("processDefinitionId", "i.bpmn_process_id"),
              Map.entry("processInstanceKey", "i.process_instance_key"),
              Map.entry("errorType", "i.error_type"),
              Map.entry("errorMessage", "i.error_message"),
              Map.entry("elementId", "i.element_id"),
              Map.entry("elementInstanceKey", "i.element_instance_key"),
              Map.entry("creationTime", "i.creation_time"),
              Map.entry("state", "i.state"),
              Map.entry("jobKey", "i.job_key"),
              Map.entry("tenantId", "i.tenant_id")),
          IncidentSearch::map);

  private IncidentSearch() {}

  static IncidentResult map(ResultSet rs, int row) throws SQLException {
    return new IncidentResult()
        .incidentKey(Rows.key(rs, "key_"))
        .processDefinitionKey(Rows.key(rs, "process_definition_key"))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .processInstanceKey(Rows.key(rs, "process_instance_key"))
        .errorType(IncidentResult.ErrorTypeEnum.fromValue(rs.getString("error_type")))
        .errorMessage(rs.getString("error_message"))
        .elementId(rs.getString("element_id"))
        .elementInstanceKey(Rows.key(rs, "element_instance_key"))
        .creationTime(Rows.date(rs, "creation_time"))
        .state(IncidentResult.StateEnum.fromValue(rs.getString("state")))
        .jobKey(Rows.key(rs, "job_key"))
        .tenantId(rs.getString("tenant_id"));
  }
}
