package io.switchboard.engine.state;

/** A timer that fires a catch event, a boundary event, or a timer start event. */
public final class Timer {
  public long key;
  public long dueDate;

  /** The element instance waiting for it (catch event or the boundary's host); -1 for starts. */
  public long elementInstanceKey = -1;

  public long processInstanceKey = -1;
  public long processDefinitionKey;

  /** The timer event's element id (catch, boundary or start event). */
  public String targetElementId;

  /** Repetitions left for a cycle; -1 repeats forever; 0 means no repetition. */
  public int repetitionsLeft;

  /** The ISO-8601 interval of a cycle, or null. */
  public String interval;

  public String tenantId;
}
