package io.switchboard.inventory.campaign;

/**
 * A failure budget as a percentage: exceeded when failures are strictly above it, so a budget of
 * 20% lets 1 of 5 fail and stops at 2 of 5 (the fleet-upgrade BPMN evaluates the same rule).
 */
public record FailureBudget(double maxFailurePercent) {
  public FailureBudget {
    if (maxFailurePercent < 0 || maxFailurePercent > 100) {
      throw new IllegalArgumentException("maxFailurePercent must be between 0 and 100");
    }
  }

  /** True when {@code failed} of {@code total} is more than the budget allows. */
  public boolean exceededBy(int failed, int total) {
    return total > 0 && failed * 100.0 > maxFailurePercent * total;
  }
}
