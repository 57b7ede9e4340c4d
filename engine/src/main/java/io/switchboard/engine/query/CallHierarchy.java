package io.switchboard.engine.query;

import io.camunda.client.protocol.rest.ProcessInstanceCallHierarchyEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /process-instances/{key}/call-hierarchy}: the chain of process instances that called
 * each other down to the given one, root first, the instance itself last.
 */
final class CallHierarchy {
  /** Call activities nest far less deep than this; a longer chain would be a loop in the data. */
  private static final int MAX_DEPTH = 1_000;

  private record Row(ProcessInstanceCallHierarchyEntry entry, Long parentKey) {}

  private final JdbcTemplate jdbc;

  CallHierarchy(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when the instance is unknown. */
  Optional<List<ProcessInstanceCallHierarchyEntry>> of(long processInstanceKey) {
    List<ProcessInstanceCallHierarchyEntry> chain = new ArrayList<>();
    Long current = processInstanceKey;
    while (current != null && chain.size() < MAX_DEPTH) {
      Row row = row(current);
      if (row == null) {
        if (chain.isEmpty()) {
          return Optional.empty();
        }
        break; // an ancestor's history was removed: the chain ends there
      }
      chain.add(0, row.entry());
      current = row.parentKey();
    }
    return Optional.of(chain);
  }

  private Row row(long key) {
    List<Row> rows =
        jdbc.query(
            "SELECT key_, process_definition_key, process_definition_name, bpmn_process_id,"
                + " parent_process_instance_key FROM engine_history_process_instance"
                + " WHERE key_ = ?",
            (rs, i) -> {
              String name = rs.getString("process_definition_name");
              long parent = rs.getLong("parent_process_instance_key");
              return new Row(
                  new ProcessInstanceCallHierarchyEntry()
                      .processInstanceKey(String.valueOf(rs.getLong("key_")))
                      .processDefinitionKey(String.valueOf(rs.getLong("process_definition_key")))
                      .processDefinitionName(
                          name == null || name.isEmpty() ? rs.getString("bpmn_process_id") : name),
                  rs.wasNull() || parent < 0 ? null : parent);
            },
            key);
    return rows.isEmpty() ? null : rows.get(0);
  }
}
