package io.switchboard.workers.job;

import java.util.regex.Pattern;

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

  /**
   * A URL's {@code token} query parameter (a device image link's, quoted back by the device in its
   * own error) is a secret: it never reaches an incident, a variable or a log line.
   */
  private static final Pattern URL_TOKEN = Pattern.compile("([?&](?:amp;)?token=)[^&\\s\"'<>]+");

  /**
   * Line breaks and runs of white space become one space, URL tokens are hidden, very long text is
   * cut.
   */
  public static String oneLine(String text) {
    String line = URL_TOKEN.matcher(text.replaceAll("\\s+", " ").strip()).replaceAll("$1<hidden>");
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }
}
