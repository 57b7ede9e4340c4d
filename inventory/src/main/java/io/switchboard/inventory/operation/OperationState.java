package io.switchboard.inventory.operation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an operation stands. {@code PENDING}: recorded, its process not started yet (the outbox
 * dispatcher starts it after the commit); {@code RUNNING}: its process runs; the other three are
 * final.
 */
public enum OperationState {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The states of an operation that still holds its target. */
  public static final Set<OperationState> ACTIVE = EnumSet.of(PENDING, RUNNING);

  public boolean isFinal() {
    return !ACTIVE.contains(this);
  }
}
