package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.BOOLEAN;
import static io.switchboard.engine.query.FieldType.DATE;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;
import static io.switchboard.engine.query.FilterField.enumeration;

import io.camunda.client.protocol.rest.ElementInstanceFilter;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceStateEnum;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code POST /element-instances/search}: the elements of process instances (not the process
 * instances themselves, as in Camunda), running and ended.
 */
final class ElementInstanceSearch {
  static final SearchSpec<ElementInstanceResult> SPEC =
      new SearchSpec<>(
          "element instance",
          "engine_history_element_instance e",
          "e.*",
          "e.key_",
          Map.ofEntries(
              Map.entry("elementInstanceKey", column("e.key_", KEY)),
              Map.entry("processInstanceKey", column("e.process_instance_key", KEY)),
              Map.entry("processDefinitionKey", column("e.process_definition_key", KEY)),
              Map.entry("processDefinitionId", column("e.bpmn_process_id", STRING)),
              Map.entry("elementId", column("e.element_id", STRING)),
              Map.entry("elementName", column("e.element_name", STRING)),
              Map.entry(
                  "state",
                  enumeration(
                      "e.state",
                      Rows.values(
                          ElementInstanceStateEnum.class, ElementInstanceStateEnum::getValue))),
              Map.entry(
                  "type",
                  enumeration(
                      "e.type",
                      Rows.values(
                          ElementInstanceFilter.TypeEnum.class,
                          ElementInstanceFilter.TypeEnum::getValue))),
              Map.entry("hasIncident", column("e.has_incident", BOOLEAN)),
              Map.entry("incidentKey", column("e.incident_key", KEY)),
              Map.entry("tenantId", column("e.tenant_id", STRING)),
              Map.entry("startDate", column("e.start_date", DATE)),
              Map.entry("endDate", column("e.end_date", DATE)),
              Map.entry("elementInstanceScopeKey", column("e.flow_scope_key", KEY))),
          Map.ofEntries(
              Map.entry("elementInstanceKey", "e.key_"),
              Map.entry("processInstanceKey", "e.process_instance_key"),
              Map.entry("processDefinitionKey", "e.process_definition_key"),
              Map.entry("processDefinitionId", "e.bpmn_process_id"),
              Map.entry("startDate", "e.start_date"),
              Map.entry("endDate", "e.end_date"),
              Map.entry("elementId", "e.element_id"),
              Map.entry("elementName", "e.element_name"),
              Map.entry("type", "e.type"),
              Map.entry("state", "e.state"),
              Map.entry("incidentKey", "e.incident_key"),
              Map.entry("tenantId", "e.tenant_id")),
          ElementInstanceSearch::map);

  private ElementInstanceSearch() {}

  static ElementInstanceResult map(ResultSet rs, int row) throws SQLException {
    ElementInstanceResult.TypeEnum type =
        ElementInstanceResult.TypeEnum.fromValue(rs.getString("type"));
    return new ElementInstanceResult()
        .elementInstanceKey(Rows.key(rs, "key_"))
        .processInstanceKey(Rows.key(rs, "process_instance_key"))
        .processDefinitionKey(Rows.key(rs, "process_definition_key"))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .elementId(rs.getString("element_id"))
        .elementName(rs.getString("element_name"))
        .type(
            type == ElementInstanceResult.TypeEnum.UNKNOWN_DEFAULT_OPEN_API
                ? ElementInstanceResult.TypeEnum.UNKNOWN
                : type)
        .state(ElementInstanceStateEnum.fromValue(rs.getString("state")))
        .startDate(Rows.date(rs, "start_date"))
        .endDate(Rows.date(rs, "end_date"))
        .hasIncident(rs.getBoolean("has_incident"))
        .incidentKey(Rows.key(rs, "incident_key"))
        .tenantId(rs.getString("tenant_id"));
  }
}
