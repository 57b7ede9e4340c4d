package io.switchboard.engine.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * In-memory rows of one kind of entity, remembering which keys changed since the last flush so
 * that only those are written to the database.
 */
public final class EntityTable<T> {
  private final String name;
  private final Map<Long, T> rows = new HashMap<>();
  private final Set<Long> dirty = new LinkedHashSet<>();

  public EntityTable(String name) {
    this.name = name;
  }

  public String name() {
    return name;
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
  }

  public T remove(long key) {
    dirty.add(key);
    return rows.remove(key);
  }

  /** Loads a row from storage without marking it changed. */
  public void load(long key, T row) {
    rows.put(key, row);
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
  }
}
