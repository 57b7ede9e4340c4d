package io.switchboard.engine.store;

import io.switchboard.engine.state.VariableStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the variable store's changes into runtime writes (update what storage has, insert the rest,
 * delete removed scopes) and into values for the history, which keeps variables of ended scopes.
 */
final class VariableWrites {
  private record Ref(long scopeKey, String name) {}

  private final BulkSql sql;
  private final StoredVariables stored;

  VariableWrites(BulkSql sql, StoredVariables stored) {
    this.sql = sql;
    this.stored = stored;
  }

  /** Adds the runtime writes to {@code writes}; returns the values the history records. */
  List<HistoryVariable> collect(VariableStore variables, List<Runnable> writes) {
    Set<Long> removedScopes = variables.drainRemovedScopes();
    Map<VariableStore.Change, Object> ended = variables.drainEndedScopeChanges();
    Map<VariableStore.Change, Object> changes = variables.drainChanges();
    List<HistoryVariable> history = history(ended, changes);
    removedScopes.forEach(stored::removeScope);
    sql.in(writes, "DELETE FROM engine_variable WHERE scope_key IN", List.copyOf(removedScopes));
    List<Object[]> deletes = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    changes.forEach(
        (change, value) -> {
          long scope = change.scopeKey();
          String name = change.name();
          boolean present = stored.contains(scope, name);
          if (change.deleted()) {
            if (present) {
              deletes.add(new Object[] {scope, name});
              stored.remove(scope, name);
            }
          } else if (present) {
            updates.add(
                new Object[] {
                  change.processInstanceKey(), JdbcEngineStore.write(value), scope, name
                });
          } else {
            inserts.add(
                new Object[] {
                  scope, name, change.processInstanceKey(), JdbcEngineStore.write(value)
                });
            stored.add(scope, name);
          }
        });
    sql.batch(writes, "DELETE FROM engine_variable WHERE scope_key = ? AND name = ?", deletes);
    sql.batch(
        writes,
        "UPDATE engine_variable SET process_instance_key = ?, data = ? WHERE scope_key = ? AND name = ?",
        updates);
    sql.insert(
        writes,
        "INSERT INTO engine_variable (scope_key, name, process_instance_key, data) VALUES",
        "(?, ?, ?, ?)",
        inserts);
    return history;
  }

  /** Decided before the runtime writes: the history has a row iff storage had the variable. */
  private List<HistoryVariable> history(
      Map<VariableStore.Change, Object> ended, Map<VariableStore.Change, Object> changes) {
    List<HistoryVariable> history = new ArrayList<>(ended.size() + changes.size());
    Set<Ref> recordedNow = new HashSet<>();
    java.util.function.BiConsumer<VariableStore.Change, Object> record =
        (change, value) -> {
          if (change.deleted()) {
            return;
          }
          boolean recorded =
              stored.contains(change.scopeKey(), change.name())
                  || !recordedNow.add(new Ref(change.scopeKey(), change.name()));
          history.add(
              new HistoryVariable(
                  change.scopeKey(), change.name(), change.processInstanceKey(), value, recorded));
        };
    ended.forEach(record);
    changes.forEach(record);
    return history;
  }
}
