package io.switchboard.api.logging;

/**
 * Neutralises text that a device or a request supplied before it reaches a log line: CR, LF and tab
 * become {@code \r}, {@code \n}, {@code \t}; every other control, bidirectional-formatting or
 * line-separator character becomes {@code \\uXXXX}; a backslash is doubled so an escape in the
 * input cannot pass for one of ours; and the result is cut at {@link #MAX_LENGTH} characters. A
 * forged log line therefore always shows on the line of the real one.
 */
public final class LogSafe {
  /** Longer input is cut (with a marker): a log line is not a place for a payload. */
  public static final int MAX_LENGTH = 500;

  private LogSafe() {}

  /** The text of {@code value} made safe for a log line; {@code null} stays "null". */
  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    int end = Math.min(text.length(), MAX_LENGTH);
    StringBuilder out = new StringBuilder(end + 16);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (UnsafeCharacters.isUnsafe(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (text.length() > end) {
      out.append("...(").append(text.length() - end).append(" more)");
    }
    return out.toString();
  }

  /**
   * {@code failure} with every message of its cause chain neutralised, keeping the stack traces,
   * for logging an exception whose message may carry request data.
   */
  public static Throwable failure(Throwable failure) {
    return failure == null ? null : new Escaped(failure, 0);
  }

  /** A stand-in that prints as "OriginalClass: escaped message" with the original stack. */
  private static final class Escaped extends RuntimeException {
    Escaped(Throwable original, int depth) {
      super(
          original.getClass().getName()
              + (original.getMessage() == null ? "" : ": " + of(original.getMessage())),
          original.getCause() == null || depth > 20
              ? null
              : new Escaped(original.getCause(), depth + 1),
          false,
          true);
      setStackTrace(original.getStackTrace());
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
