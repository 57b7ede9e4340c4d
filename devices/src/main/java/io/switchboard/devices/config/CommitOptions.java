package io.switchboard.devices.config;

import java.time.Duration;

/**
 * How to commit. {@code confirmTimeout} non-null makes it a confirmed commit. {@code junosStyle}
 * marks {@code <commit-configuration>}: its confirmed commit survives the session (any later commit
 * confirms it), while a standard {@code <commit><confirmed/>} without {@code <persist>} is rolled
 * back when its session ends (RFC 6241 8.4).
 */
public record CommitOptions(
    boolean check,
    String log,
    Duration confirmTimeout,
    String persist,
    String persistId,
    boolean junosStyle) {

  public static CommitOptions plain() {
    return new CommitOptions(false, null, null, null, null, false);
  }

  public static CommitOptions confirmed(Duration timeout) {
    return new CommitOptions(false, null, timeout, null, null, false);
  }

  public boolean confirmed() {
    return confirmTimeout != null;
  }
}
