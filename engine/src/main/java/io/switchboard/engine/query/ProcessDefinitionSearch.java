package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.BOOLEAN;
import static io.switchboard.engine.query.FieldType.INTEGER;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** {@code POST /process-definitions/search}: every deployed version of every process. */
final class ProcessDefinitionSearch {
  private static final String LATEST =
      "d.version = (SELECT MAX(l.version) FROM engine_history_process_definition l"
          + " WHERE l.bpmn_process_id = d.bpmn_process_id AND l.tenant_id = d.tenant_id)";

  static final SearchSpec<ProcessDefinitionResult> SPEC =
      new SearchSpec<>(
          "process definition",
          "engine_history_process_definition d",
          "d.key_, d.bpmn_process_id, d.name, d.version, d.version_tag, d.tenant_id,"
              + " d.resource_name, d.has_start_form",
          "d.key_",
          Map.of(
              "processDefinitionKey", column("d.key_", KEY),
              "processDefinitionId", column("d.bpmn_process_id", STRING),
              "name", column("d.name", STRING),
              "resourceName", column("d.resource_name", STRING),
              "version", column("d.version", INTEGER),
              "versionTag", column("d.version_tag", STRING),
              "tenantId", column("d.tenant_id", STRING),
              "hasStartForm", column("d.has_start_form", BOOLEAN),
              "isLatestVersion", ProcessDefinitionSearch::latest),
          Map.of(
              "processDefinitionKey", "d.key_",
              "name", "d.name",
              "resourceName", "d.resource_name",
              "version", "d.version",
              "versionTag", "d.version_tag",
              "processDefinitionId", "d.bpmn_process_id",
              "tenantId", "d.tenant_id"),
          ProcessDefinitionSearch::map);

  private ProcessDefinitionSearch() {}

  /** {@code isLatestVersion: true} keeps only the newest version per process and tenant. */
  private static void latest(String field, JsonNode value, SqlWhere where) {
    if (value != null && !value.isNull() && (Boolean) BOOLEAN.read(field, value)) {
      where.add(LATEST);
    }
  }

  static ProcessDefinitionResult map(ResultSet rs, int row) throws SQLException {
    return new ProcessDefinitionResult()
        .processDefinitionKey(Rows.key(rs, "key_"))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .name(rs.getString("name"))
        .version(Rows.integer(rs, "version"))
        .versionTag(rs.getString("version_tag"))
        .tenantId(rs.getString("tenant_id"))
        .resourceName(rs.getString("resource_name"))
        .hasStartForm(rs.getBoolean("has_start_form"));
  }
}
