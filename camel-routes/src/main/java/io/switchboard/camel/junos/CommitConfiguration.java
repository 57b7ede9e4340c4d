package io.switchboard.camel.junos;

/**
 * A {@code <commit-configuration>}. Junos counts {@code confirm-timeout} in minutes (default 10); a
 * plain commit before the deadline confirms a confirmed one.
 *
 * @param check only check the candidate, commit nothing
 * @param confirmed roll back by itself unless confirmed within {@code confirmTimeoutMinutes}
 * @param confirmTimeoutMinutes minutes until the automatic rollback, or {@code null} for 10
 * @param comment the commit log comment, or {@code null}
 */
public record CommitConfiguration(
    boolean check, boolean confirmed, Integer confirmTimeoutMinutes, String comment) {

  public CommitConfiguration {
    if (check && confirmed) {
      throw new IllegalArgumentException("a commit check cannot be confirmed");
    }
    if (confirmTimeoutMinutes != null && (!confirmed || confirmTimeoutMinutes < 1)) {
      throw new IllegalArgumentException("confirm-timeout needs confirmed and at least 1 minute");
    }
  }

  public static CommitConfiguration checkOnly() {
    return new CommitConfiguration(true, false, null, null);
  }

  public static CommitConfiguration commit(String comment) {
    return new CommitConfiguration(false, false, null, comment);
  }

  public static CommitConfiguration confirmed(int timeoutMinutes, String comment) {
    return new CommitConfiguration(false, true, timeoutMinutes, comment);
  }

  /** The commit that confirms a pending confirmed commit. */
  public static CommitConfiguration confirm() {
    return new CommitConfiguration(false, false, null, "confirm");
  }
}
