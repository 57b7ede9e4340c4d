package io.switchboard.engine.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * In-memory rows of one kind of entity, remembering which keys changed since the last flush so that
 * only those are written to the database.
 */
public final class EntityTable<T> {
  private final String name;
  private final Map<Long, T> rows = new HashMap<>();
  private final Set<Long> dirty = new LinkedHashSet<>();
  private long changes;

  /** Keys that have a row in storage, so a flush knows whether to insert, update or delete. */
  private final Set<Long> stored = new java.util.HashSet<>();

  /** Rows removed with a reason since the last flush, and why (COMPLETED, TERMINATED...). */
  private final Map<Long, Ended<T>> ended = new HashMap<>();

  /** A row that went away, kept until the next flush so projections can record its end. */
  public record Ended<T>(T row, String reason) {}

  public EntityTable(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** How many changes were made since this was created (only ever grows; clear keeps it). */
  public long changes() {
    return changes;
  }

  public T get(long key) {
    return rows.get(key);
  }

  public boolean contains(long key) {
    return rows.containsKey(key);
  }

  public Collection<T> all() {
    return rows.values();
  }

  public void put(long key, T row) {
    rows.put(key, row);
    dirty.add(key);
    changes++;
  }

  public T remove(long key) {
    dirty.add(key);
    changes++;
    return rows.remove(key);
  }

  /** Removes a row, recording why it ended (for history projections). */
  public T remove(long key, String reason) {
    T row = remove(key);
    if (row != null) {
      ended.put(key, new Ended<>(row, reason));
    }
    return row;
  }

  /** The row removed with a reason since the last flush, or null. */
  public Ended<T> ended(long key) {
    return ended.get(key);
  }

  /** Loads a row from storage without marking it changed. */
  public void load(long key, T row) {
    rows.put(key, row);
    stored.add(key);
  }

  /** Whether the key has a row in storage. */
  public boolean isStored(long key) {
    return stored.contains(key);
  }

  /** Records that the key's row was written to (or deleted from) storage. */
  public void markStored(long key, boolean present) {
    if (present) {
      stored.add(key);
    } else {
      stored.remove(key);
    }
  }

  /** Forgets end reasons once a flush wrote them. */
  public void clearEndReasons() {
    ended.clear();
  }

  /** Keys changed since the last flush, read-only and without draining them (observers). */
  public Set<Long> changedKeys() {
    return java.util.Collections.unmodifiableSet(dirty);
  }

  /** Keys changed since the last call; a key whose row is gone was deleted. */
  public Set<Long> drainDirty() {
    Set<Long> changed = new LinkedHashSet<>(dirty);
    dirty.clear();
    return changed;
  }

  public void clear() {
    rows.clear();
    dirty.clear();
    stored.clear();
    ended.clear();
  }
}
