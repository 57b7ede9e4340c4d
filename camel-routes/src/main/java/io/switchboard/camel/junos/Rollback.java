package io.switchboard.camel.junos;

/** Go back to commit {@code index} of the history (0 is the active one, 1 the one before). */
public record Rollback(int index, String comment) {

  public Rollback {
    if (index < 0 || index > 49) {
      throw new IllegalArgumentException("Junos keeps rollbacks 0 to 49, not " + index);
    }
  }
}
