package io.switchboard.engine.store;

import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.EntityTable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Adds read model rows for runtime rows that have none, such as instances that were running when
 * the read model was introduced. Runs at load, so the projection can rely on "stored at runtime"
 * meaning "present in the history".
 */
final class HistoryBackfill {
  private static final String MISSING =
      "SELECT r.key_ FROM engine_%s r WHERE NOT EXISTS"
          + " (SELECT 1 FROM engine_history_%s h WHERE h.key_ = r.key_)";
  private static final String MISSING_ELEMENT_INSTANCES =
      "SELECT r.key_ FROM engine_element_instance r WHERE NOT EXISTS"
          + " (SELECT 1 FROM engine_history_element_instance h WHERE h.key_ = r.key_)"
          + " AND NOT EXISTS (SELECT 1 FROM engine_history_process_instance p WHERE p.key_ = r.key_)";
  private static final String MISSING_VARIABLES =
      "SELECT r.scope_key, r.name, r.process_instance_key FROM engine_variable r WHERE NOT EXISTS"
          + " (SELECT 1 FROM engine_history_variable h WHERE h.scope_key = r.scope_key"
          + " AND h.name = r.name)";

  private final JdbcTemplate jdbc;

  HistoryBackfill(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The writes that complete the history for a freshly loaded state; empty if it is complete. */
  List<Runnable> writes(EngineState state, HistoryProjection projection) {
    TableChanges changes = new TableChanges();
    changes.put(
        state.definitions,
        missing(state.definitions, MISSING.formatted("process_definition", "process_definition")));
    changes.put(state.elementInstances, missing(state.elementInstances, MISSING_ELEMENT_INSTANCES));
    changes.put(state.jobs, missing(state.jobs, MISSING.formatted("job", "job")));
    changes.put(
        state.incidents, missing(state.incidents, MISSING.formatted("incident", "incident")));
    changes.put(
        state.subscriptions,
        missing(
            state.subscriptions,
            MISSING.formatted("message_subscription", "message_subscription")));
    List<HistoryVariable> variables =
        jdbc.query(
            MISSING_VARIABLES,
            (rs, i) -> {
              long scopeKey = rs.getLong(1);
              String name = rs.getString(2);
              return new HistoryVariable(
                  scopeKey, name, rs.getLong(3), state.variables.local(scopeKey).get(name), false);
            });
    List<Runnable> writes = new ArrayList<>();
    projection.project(state, changes, variables, writes);
    return writes;
  }

  private <T> List<RowChange<T>> missing(EntityTable<T> table, String sql) {
    List<RowChange<T>> changes = new ArrayList<>();
    for (Long key : jdbc.queryForList(sql, Long.class)) {
      T row = table.get(key);
      if (row != null) {
        changes.add(new RowChange<>(key, row, false, null));
      }
    }
    return changes;
  }
}
