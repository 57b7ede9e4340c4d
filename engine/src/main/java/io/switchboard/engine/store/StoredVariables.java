package io.switchboard.engine.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which variables have a row in storage, so a flush inserts new variables and updates the others
 * without asking the database.
 */
final class StoredVariables {
  private final Map<Long, Set<String>> byScope = new HashMap<>();

  boolean contains(long scopeKey, String name) {
    Set<String> names = byScope.get(scopeKey);
    return names != null && names.contains(name);
  }

  void add(long scopeKey, String name) {
    byScope.computeIfAbsent(scopeKey, k -> new HashSet<>()).add(name);
  }

  void remove(long scopeKey, String name) {
    Set<String> names = byScope.get(scopeKey);
    if (names != null) {
      names.remove(name);
      if (names.isEmpty()) {
        byScope.remove(scopeKey);
      }
    }
  }

  void removeScope(long scopeKey) {
    byScope.remove(scopeKey);
  }

  void clear() {
    byScope.clear();
  }
}
