package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequence flows each process instance took, for {@code
 * /process-instances/{key}/sequence-flows}. Only the read model keeps them: a flow is recorded here
 * once per running instance and written by the next flush; taking it again (a loop) writes nothing
 * more.
 */
public final class TakenFlows {
  private long changes;

  /** One flow taken for the first time in an instance. */
  public record Taken(
      long key,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String flowId,
      String tenantId) {}

  private final Map<Long, Set<String>> seen = new HashMap<>();
  private final List<Taken> pending = new ArrayList<>();

  /** Records that {@code flowId} was taken inside {@code scope}'s process instance. */
  /** How many changes were made since this was created (only ever grows; clear keeps it). */
  public long changes() {
    return changes;
  }

  public void record(ElementInstance scope, String flowId, KeyGenerator keys) {
    changes++;
    if (seen.computeIfAbsent(scope.processInstanceKey, k -> new HashSet<>()).add(flowId)) {
      pending.add(
          new Taken(
              keys.nextKey(),
              scope.processInstanceKey,
              scope.processDefinitionKey,
              scope.bpmnProcessId,
              flowId,
              scope.tenantId));
    }
  }

  /** The process instance ended: nothing of it needs remembering any more. */
  public void forget(long processInstanceKey) {
    seen.remove(processInstanceKey);
  }

  /** Flows recorded since the last call, for the flush to write. */
  public List<Taken> drain() {
    List<Taken> drained = List.copyOf(pending);
    pending.clear();
    return drained;
  }

  public void clear() {
    seen.clear();
    pending.clear();
  }
}
