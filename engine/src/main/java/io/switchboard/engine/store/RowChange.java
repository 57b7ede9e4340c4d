package io.switchboard.engine.store;

import io.switchboard.engine.state.EntityTable;

/**
 * One changed row of an entity table in a flush.
 *
 * @param key the row's key
 * @param row the row now, or null if it was removed
 * @param wasStored whether storage had the row before this flush
 * @param ended the removed row and why it ended, if it was removed with a reason
 */
record RowChange<T>(long key, T row, boolean wasStored, EntityTable.Ended<T> ended) {

  /** The row as it is now, or as it was when it ended; null if unknown. */
  T lastKnown() {
    if (row != null) {
      return row;
    }
    return ended == null ? null : ended.row();
  }
}
