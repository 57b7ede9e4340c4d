package io.switchboard.inventory.operation;

public enum OperationState {
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED
}
