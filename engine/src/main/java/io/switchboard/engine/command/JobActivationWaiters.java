package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.JobActivationResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Long-polling activation requests parked until a job of their type turns up or time runs out. */
final class JobActivationWaiters {
  record Waiter(
      String type,
      String worker,
      long timeout,
      int maxJobs,
      List<String> fetchVariables,
      List<String> tenantIds,
      CompletableFuture<JobActivationResult> reply) {}

  private final Map<String, Deque<Waiter>> byType = new HashMap<>();

  void park(Waiter waiter) {
    byType.computeIfAbsent(waiter.type(), t -> new ArrayDeque<>()).add(waiter);
  }

  boolean remove(Waiter waiter) {
    Deque<Waiter> waiters = byType.get(waiter.type());
    return waiters != null && waiters.remove(waiter);
  }

  /** Waiters for a type, oldest first; the iterator may remove. */
  Iterator<Waiter> waiting(String type) {
    Deque<Waiter> waiters = byType.get(type);
    return waiters == null ? java.util.Collections.emptyIterator() : waiters.iterator();
  }
}
