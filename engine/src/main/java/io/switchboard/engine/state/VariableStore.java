package io.switchboard.engine.state;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Variables by scope (element instance key), with change tracking for persistence. */
public final class VariableStore {
  private long changes;

  /** One changed variable; a null value with {@code deleted} set means it is gone. */
  public record Change(long scopeKey, String name, long processInstanceKey, boolean deleted) {}

  private final Map<Long, Map<String, Object>> scopes = new HashMap<>();
  private final Map<Long, Long> processInstanceOfScope = new HashMap<>();
  private final Set<VariableRef> dirty = new LinkedHashSet<>();
  private final Set<Long> removedScopes = new LinkedHashSet<>();

  /** Unflushed changes of scopes removed since the last drain, with their last values (history). */
  private final Map<Change, Object> endedScopeChanges = new LinkedHashMap<>();

  private record VariableRef(long scopeKey, String name) {}

  public Map<String, Object> local(long scopeKey) {
    return scopes.getOrDefault(scopeKey, Map.of());
  }

  public boolean hasLocal(long scopeKey, String name) {
    Map<String, Object> vars = scopes.get(scopeKey);
    return vars != null && vars.containsKey(name);
  }

  /** How many changes were made since this was created (only ever grows; clear keeps it). */
  public long changes() {
    return changes;
  }

  public void set(long scopeKey, long processInstanceKey, String name, Object value) {
    scopes.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
    processInstanceOfScope.put(scopeKey, processInstanceKey);
    dirty.add(new VariableRef(scopeKey, name));
    changes++;
  }

  public void load(long scopeKey, long processInstanceKey, String name, Object value) {
    scopes.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>()).put(name, value);
    processInstanceOfScope.put(scopeKey, processInstanceKey);
  }

  public void removeScope(long scopeKey) {
    changes++;
    Map<String, Object> removed = scopes.remove(scopeKey);
    Long processInstanceKey = processInstanceOfScope.remove(scopeKey);
    long pi = processInstanceKey == null ? -1 : processInstanceKey;
    if (removed != null) {
      dirty.removeIf(
          ref -> {
            if (ref.scopeKey() != scopeKey) {
              return false;
            }
            endedScopeChanges.put(
                new Change(scopeKey, ref.name(), pi, false), removed.get(ref.name()));
            return true;
          });
      removedScopes.add(scopeKey);
    }
  }

  /** Scopes deleted since the last drain (their rows go first), then upserted variables. */
  public Set<Long> drainRemovedScopes() {
    Set<Long> removed = new LinkedHashSet<>(removedScopes);
    removedScopes.clear();
    return removed;
  }

  /**
   * Variables set and then dropped with their scope since the last drain: the runtime never stores
   * them, but the history keeps them.
   */
  public Map<Change, Object> drainEndedScopeChanges() {
    Map<Change, Object> changes = new LinkedHashMap<>(endedScopeChanges);
    endedScopeChanges.clear();
    return changes;
  }

  public Map<Change, Object> drainChanges() {
    Map<Change, Object> changes = new LinkedHashMap<>();
    for (VariableRef ref : dirty) {
      Map<String, Object> vars = scopes.get(ref.scopeKey());
      long pi = processInstanceOfScope.getOrDefault(ref.scopeKey(), -1L);
      boolean deleted = vars == null || !vars.containsKey(ref.name());
      changes.put(
          new Change(ref.scopeKey(), ref.name(), pi, deleted),
          deleted ? null : vars.get(ref.name()));
    }
    dirty.clear();
    return changes;
  }

  public void clear() {
    scopes.clear();
    processInstanceOfScope.clear();
    dirty.clear();
    removedScopes.clear();
    endedScopeChanges.clear();
  }
}
