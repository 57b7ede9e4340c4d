package io.switchboard.engine.store;

/** Limits and defaults of the read model's columns. */
public final class HistoryValues {
  /** Variable values longer than this are truncated in searches, as Camunda does. */
  public static final int VALUE_LIMIT = 8191;

  /** Longer error messages are cut to fit their column. */
  public static final int MESSAGE_LIMIT = 4000;

  /** Ids, names and other short texts longer than this are cut to fit their columns. */
  public static final int TEXT_LIMIT = 255;

  static final String DEFAULT_TENANT = "<default>";

  private HistoryValues() {}

  /** An error message that fits its column. */
  static String clip(String message) {
    return clip(message, MESSAGE_LIMIT);
  }

  /**
   * A short text (id, name, worker, tenant) that fits its column: a value too long for the read
   * model must not fail the flush that makes the engine's state durable.
   */
  static String text(String value) {
    return clip(value, TEXT_LIMIT);
  }

  /** Cut to {@code limit} chars, never between the two halves of a surrogate pair. */
  static String clip(String value, int limit) {
    if (value == null || value.length() <= limit) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
    return value.substring(0, end);
  }
}
