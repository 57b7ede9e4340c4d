package io.switchboard.engine.store;

import io.switchboard.engine.state.EntityTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The changed rows of one flush, by table. */
final class TableChanges {
  private final Map<EntityTable<?>, List<RowChange<?>>> byTable = new IdentityHashMap<>();

  <T> void put(EntityTable<T> table, List<RowChange<T>> changes) {
    byTable.put(table, new ArrayList<>(changes));
  }

  @SuppressWarnings("unchecked")
  <T> List<RowChange<T>> of(EntityTable<T> table) {
    List<RowChange<?>> changes = byTable.get(table);
    return changes == null ? List.of() : (List<RowChange<T>>) (List<?>) changes;
  }
}
