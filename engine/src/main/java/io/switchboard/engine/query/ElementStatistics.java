package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessElementStatisticsResult;
import io.switchboard.engine.processor.EngineException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Element statistics as Operate shows them on a diagram: per element id, how many of its element
 * instances are active (without an incident), have an incident, completed, or were canceled
 * (terminated). Multi-instance bodies are left out, so a multi-instance activity counts its inner
 * instances once rather than body and instances twice.
 */
final class ElementStatistics {
  private static final String COUNTS =
      "SELECT e.element_id,"
          + " SUM(CASE WHEN e.state = 'ACTIVE' AND e.has_incident = FALSE THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN e.state = 'TERMINATED' THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN e.state = 'ACTIVE' AND e.has_incident = TRUE THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN e.state = 'COMPLETED' THEN 1 ELSE 0 END)"
          + " FROM engine_history_element_instance e";
  private static final String GROUP = " GROUP BY e.element_id ORDER BY e.element_id";
  private static final String NOT_A_BODY = " AND e.type <> 'MULTI_INSTANCE_BODY'";

  private final JdbcTemplate jdbc;

  ElementStatistics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Of one process instance. */
  List<ProcessElementStatisticsResult> ofProcessInstance(long processInstanceKey) {
    return jdbc.query(
        COUNTS + " WHERE e.process_instance_key = ?" + NOT_A_BODY + GROUP,
        (rs, row) -> result(rs),
        processInstanceKey);
  }

  /**
   * Of every instance of one process definition, optionally narrowed by a process instance filter
   * (the same fields as the process instance search; unknown fields are refused by name).
   */
  List<ProcessElementStatisticsResult> ofProcessDefinition(
      long processDefinitionKey, JsonNode query) {
    JsonNode filter = null;
    if (query != null && query.isObject()) {
      Iterator<String> fields = query.fieldNames();
      while (fields.hasNext()) {
        String field = fields.next();
        if (!field.equals("filter")) {
          throw EngineException.invalidArgument(
              "Unknown field '" + field + "' in the element statistics query");
        }
      }
      filter = query.get("filter");
    }
    SqlWhere where = ProcessInstanceSearch.SPEC.where(filter);
    List<Object> args = new ArrayList<>();
    args.add(processDefinitionKey);
    args.addAll(where.args());
    return jdbc.query(
        COUNTS
            + " JOIN engine_history_process_instance p ON p.key_ = e.process_instance_key"
            + " WHERE p.process_definition_key = ?"
            + NOT_A_BODY
            + " AND "
            + where.sql()
            + GROUP,
        (rs, row) -> result(rs),
        args.toArray());
  }

  private static ProcessElementStatisticsResult result(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    return new ProcessElementStatisticsResult()
        .elementId(rs.getString(1))
        .active(rs.getLong(2))
        .canceled(rs.getLong(3))
        .incidents(rs.getLong(4))
        .completed(rs.getLong(5));
  }
}
