package io.switchboard.devices.fault;

import java.util.Locale;

/**
 * What can go wrong with a simulated device, and where it strikes:
 *
 * <ul>
 *   <li>{@link #COMMIT_FAILURE}: a commit (or commit check) answers an {@code rpc-error}; running
 *       stays as it was.
 *   <li>{@link #SLOW_RESPONSES}: each RPC reply is delayed by the device's slow-response delay.
 *   <li>{@link #DROP_SESSION}: the RPC runs, half of its reply is written, then the SSH connection
 *       drops (so the client cannot know whether it took effect).
 *   <li>{@link #WRONG_SERIAL}: decided at each boot; the device phones home and reports (chassis
 *       inventory) a serial number that is not its own.
 *   <li>{@link #CORRUPT_IMAGE}: a downloaded image fails its SHA-256 check.
 *   <li>{@link #UNREACHABLE}: decided at each boot, or at once when injected; the NETCONF port
 *       stops listening (the device still phones home: its management path works, ours does not).
 * </ul>
 */
public enum Fault {
  COMMIT_FAILURE,
  SLOW_RESPONSES,
  DROP_SESSION,
  WRONG_SERIAL,
  CORRUPT_IMAGE,
  UNREACHABLE;

  /** The name used on the command line and in profiles: {@code commit-failure}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@code commit-failure}, {@code COMMIT_FAILURE} or the short forms {@code slow}, {@code
   * drop}.
   */
  public static Fault parse(String text) {
    String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return switch (normalized) {
      case "SLOW" -> SLOW_RESPONSES;
      case "DROP", "DROPPED_SESSIONS", "DROP_SESSIONS" -> DROP_SESSION;
      case "CORRUPT", "BAD_IMAGE" -> CORRUPT_IMAGE;
      default -> {
        try {
          yield valueOf(normalized);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown fault '"
                  + text
                  + "'; known: commit-failure, slow-responses, drop-session,"
                  + " wrong-serial, corrupt-image, unreachable");
        }
      }
    };
  }
}
