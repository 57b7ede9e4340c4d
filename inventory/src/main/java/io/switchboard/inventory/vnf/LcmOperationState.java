package io.switchboard.inventory.vnf;

/** SOL003 LcmOperationStateType. */
public enum LcmOperationState {
  STARTING,
  PROCESSING,
  COMPLETED,
  FAILED_TEMP,
  FAILED,
  ROLLING_BACK,
  ROLLED_BACK;

  /** Whether nothing further happens to an occurrence in this state. */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == ROLLED_BACK;
  }
}
