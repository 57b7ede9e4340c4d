package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows a process instance migration moved to another process definition, for the read model: its
 * history rows are written when a runtime row appears or ends, so a migration tells the next flush
 * which ones now belong to the target definition and element.
 */
public final class MigratedRows {
  private long changes;

  /**
   * One moved row.
   *
   * @param kind what the key names: the process instance, an element instance, a job, an incident
   *     or a message subscription
   */
  public record Moved(
      Kind kind,
      long key,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String elementId) {}

  public enum Kind {
    PROCESS_INSTANCE,
    ELEMENT_INSTANCE,
    JOB,
    INCIDENT,
    MESSAGE_SUBSCRIPTION
  }

  private final List<Moved> pending = new ArrayList<>();

  /** How many changes were made since this was created (only ever grows; clear keeps it). */
  public long changes() {
    return changes;
  }

  public void add(Moved moved) {
    changes++;
    pending.add(moved);
  }

  /** The moves since the last flush, forgotten by this call. */
  public List<Moved> drain() {
    List<Moved> drained = List.copyOf(pending);
    pending.clear();
    return drained;
  }

  public void clear() {
    pending.clear();
  }
}
