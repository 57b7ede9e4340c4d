package io.switchboard.engine.execution;

import io.switchboard.engine.state.ElementInstance;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The follow-up steps of the command being processed. Steps go through a queue rather than
 * recursion, as Zeebe's follow-up commands do, so long chains of elements without wait states do
 * not grow the stack.
 */
final class Agenda {
  private final Deque<Runnable> work = new ArrayDeque<>();
  private final Map<Long, Integer> pendingSteps = new HashMap<>();

  void enqueue(Runnable step) {
    work.add(step);
  }

  /**
   * Queues a step that will put a token into {@code scope}. Until it has run, the scope counts as
   * busy, so a completion check queued earlier cannot end the scope under the token.
   */
  void enqueueInScope(ElementInstance scope, Runnable step) {
    pendingSteps.merge(scope.key, 1, Integer::sum);
    work.add(
        () -> {
          pendingSteps.computeIfPresent(scope.key, (k, v) -> v > 1 ? v - 1 : null);
          step.run();
        });
  }

  boolean hasPendingSteps(ElementInstance scope) {
    return pendingSteps.containsKey(scope.key);
  }

  void drain() {
    Runnable step;
    while ((step = work.poll()) != null) {
      step.run();
    }
  }

  /** Forgets the steps of a command that failed; its state changes are discarded too. */
  void reset() {
    work.clear();
    pendingSteps.clear();
  }
}
