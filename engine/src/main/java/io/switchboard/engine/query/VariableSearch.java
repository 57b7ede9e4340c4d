package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.BOOLEAN;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;

import io.camunda.client.protocol.rest.VariableResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code POST /variables/search}: variables of running and ended scopes, values as JSON and, as in
 * Camunda, truncated in searches ({@code isTruncated}); {@code GET /variables/{key}} gives the full
 * value.
 */
final class VariableSearch {
  private static final String COLUMNS =
      "v.key_, v.scope_key, v.name, v.value_, v.is_truncated, v.process_instance_key, v.tenant_id";

  static final SearchSpec<VariableSearchResult> SPEC =
      new SearchSpec<>(
          "variable",
          "engine_history_variable v",
          COLUMNS,
          "v.key_",
          Map.of(
              "variableKey", column("v.key_", KEY),
              "name", column("v.name", STRING),
              "value", column("v.value_", STRING),
              "tenantId", column("v.tenant_id", STRING),
              "isTruncated", column("v.is_truncated", BOOLEAN),
              "scopeKey", column("v.scope_key", KEY),
              "processInstanceKey", column("v.process_instance_key", KEY)),
          Map.of(
              "value", "v.value_",
              "name", "v.name",
              "tenantId", "v.tenant_id",
              "variableKey", "v.key_",
              "scopeKey", "v.scope_key",
              "processInstanceKey", "v.process_instance_key"),
          VariableSearch::map);

  /** For {@code GET /variables/{key}}: the same table, with the full value. */
  static final SearchSpec<VariableResult> FULL =
      new SearchSpec<>(
          "variable",
          "engine_history_variable v",
          COLUMNS + ", v.full_value",
          "v.key_",
          Map.of(),
          Map.of(),
          VariableSearch::mapFull);

  private VariableSearch() {}

  static VariableSearchResult map(ResultSet rs, int row) throws SQLException {
    return new VariableSearchResult()
        .variableKey(Rows.key(rs, "key_"))
        .scopeKey(Rows.key(rs, "scope_key"))
        .processInstanceKey(Rows.key(rs, "process_instance_key"))
        .name(rs.getString("name"))
        .value(rs.getString("value_"))
        .isTruncated(rs.getBoolean("is_truncated"))
        .tenantId(rs.getString("tenant_id"));
  }

  static VariableResult mapFull(ResultSet rs, int row) throws SQLException {
    String full = rs.getString("full_value");
    return new VariableResult()
        .variableKey(Rows.key(rs, "key_"))
        .scopeKey(Rows.key(rs, "scope_key"))
        .processInstanceKey(Rows.key(rs, "process_instance_key"))
        .name(rs.getString("name"))
        .value(full != null ? full : rs.getString("value_"))
        .tenantId(rs.getString("tenant_id"));
  }
}
