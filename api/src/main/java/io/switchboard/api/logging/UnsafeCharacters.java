package io.switchboard.api.logging;

/**
 * The characters that may not appear in names and identifiers, nor raw in log lines: C0 controls
 * (U+0000-U+001F), DEL, C1 controls (U+0080-U+009F), the line and paragraph separators
 * (U+2028/U+2029), and the bidirectional formatting characters that make text display in another
 * order than it is stored (U+061C, U+200E/U+200F, U+202A-U+202E, U+2066-U+2069).
 */
public final class UnsafeCharacters {
  private UnsafeCharacters() {}

  public static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * The index of the first unsafe character of {@code text}, or -1. With {@code multiline}, LF and
   * tab are allowed (descriptions, addresses); CR never is.
   */
  public static int firstUnsafe(CharSequence text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c) && !(multiline && (c == '\n' || c == '\t'))) {
        return i;
      }
    }
    return -1;
  }

  /** A message naming the first unsafe character, for validation errors; null when none. */
  public static String describeFirstUnsafe(CharSequence text, boolean multiline) {
    int at = firstUnsafe(text, multiline);
    if (at < 0) {
      return null;
    }
    return String.format(
        "must not contain control or bidirectional formatting characters (U+%04X at position %d)",
        (int) text.charAt(at), at);
  }
}
