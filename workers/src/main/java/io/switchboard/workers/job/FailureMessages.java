package io.switchboard.workers.job;

/**
 * The one sentence a job failure shows in Operate, in the incident and in the operation: the
 * failure's own message (a device's names the device and the operation) and its root cause's, on
 * one line. Stack traces never go here: they go to the log.
 */
public final class FailureMessages {

  /** Incident messages are read by people; the rest of a runaway message is in the log. */
  static final int MAX_LENGTH = 1000;

  private FailureMessages() {}

  /** The failure's message and its root cause's, on one line. */
  public static String message(Throwable failure) {
    return oneLine(describe(failure));
  }

  /**
   * The failure's own message and, when it does not say it already, its root cause's ("Could not
   * save the device: disk full"); a failure without a message is named by its kind.
   */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String own = text(failure);
    String cause = root == failure ? null : text(root);
    return cause == null || own.contains(cause) ? own : own + ": " + cause;
  }

  private static String text(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank()
        ? t.getClass().getSimpleName()
        : t.getMessage();
  }

  /** Line breaks and runs of white space become one space; very long text is cut. */
  static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }
}
