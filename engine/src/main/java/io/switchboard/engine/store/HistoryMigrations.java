package io.switchboard.engine.store;

import io.switchboard.engine.state.MigratedRows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Moves the read model rows of migrated process instances to their target definition. */
final class HistoryMigrations {
  private static final Map<MigratedRows.Kind, String> UPDATES =
      new EnumMap<>(MigratedRows.Kind.class);

  static {
    UPDATES.put(
        MigratedRows.Kind.PROCESS_INSTANCE,
        "UPDATE engine_history_process_instance SET process_definition_key = ?,"
            + " bpmn_process_id = ?, process_definition_version = ?,"
            + " process_definition_name = (SELECT d.name FROM engine_history_process_definition d"
            + " WHERE d.key_ = ?),"
            + " version_tag = (SELECT d.version_tag FROM engine_history_process_definition d"
            + " WHERE d.key_ = ?) WHERE key_ = ?");
    UPDATES.put(
        MigratedRows.Kind.ELEMENT_INSTANCE,
        "UPDATE engine_history_element_instance SET process_definition_key = ?,"
            + " bpmn_process_id = ?, element_id = ? WHERE key_ = ?");
    UPDATES.put(
        MigratedRows.Kind.JOB,
        "UPDATE engine_history_job SET process_definition_key = ?, bpmn_process_id = ?,"
            + " element_id = ? WHERE key_ = ?");
    UPDATES.put(
        MigratedRows.Kind.INCIDENT,
        "UPDATE engine_history_incident SET process_definition_key = ?, bpmn_process_id = ?,"
            + " element_id = ? WHERE key_ = ?");
    UPDATES.put(
        MigratedRows.Kind.MESSAGE_SUBSCRIPTION,
        "UPDATE engine_history_message_subscription SET element_id = ? WHERE key_ = ?");
  }

  private final BulkSql sql;

  HistoryMigrations(BulkSql sql) {
    this.sql = sql;
  }

  void project(List<MigratedRows.Moved> moved, List<Runnable> writes) {
    Map<MigratedRows.Kind, List<Object[]>> rows = new EnumMap<>(MigratedRows.Kind.class);
    for (MigratedRows.Moved m : moved) {
      Object[] args =
          switch (m.kind()) {
            case PROCESS_INSTANCE ->
                new Object[] {
                  m.processDefinitionKey(),
                  m.bpmnProcessId(),
                  m.version(),
                  m.processDefinitionKey(),
                  m.processDefinitionKey(),
                  m.key()
                };
            case MESSAGE_SUBSCRIPTION -> new Object[] {m.elementId(), m.key()};
            default ->
                new Object[] {m.processDefinitionKey(), m.bpmnProcessId(), m.elementId(), m.key()};
          };
      rows.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(args);
    }
    rows.forEach((kind, args) -> sql.batch(writes, UPDATES.get(kind), args));
  }
}
