package io.switchboard.engine.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A lookup index from an owner (a scope, a job type, a correlation) to the keys of its rows; an
 * owner with no keys left is dropped, so the index does not grow with history.
 */
final class KeyIndex<K> {
  private final Map<K, Set<Long>> keysByOwner = new HashMap<>();
  private final Supplier<Set<Long>> newSet;

  /**
   * @param newSet the set kind, which gives the order keys are returned in
   */
  KeyIndex(Supplier<Set<Long>> newSet) {
    this.newSet = newSet;
  }

  void add(K owner, long key) {
    keysByOwner.computeIfAbsent(owner, o -> newSet.get()).add(key);
  }

  void remove(K owner, long key) {
    Set<Long> keys = keysByOwner.get(owner);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        keysByOwner.remove(owner);
      }
    }
  }

  void removeOwner(K owner) {
    keysByOwner.remove(owner);
  }

  /** The owner's keys (a live view: copy before changing the rows they name). */
  Set<Long> get(K owner) {
    return keysByOwner.getOrDefault(owner, Set.of());
  }

  void clear() {
    keysByOwner.clear();
  }
}
