package io.switchboard.inventory.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * One Junos {@code set} (or {@code delete}) command as words, so that two spellings of the same
 * statement ({@code description "lan"} and {@code description lan}, extra blanks) compare equal.
 * {@link #toString()} renders the canonical form: quotes only where Junos needs them.
 */
public record SetLine(String verb, List<String> path) {

  public SetLine {
    path = List.copyOf(path);
  }

  /**
   * Parses one line; {@code null} for blank lines, comments and anything that is not {@code set} or
   * {@code delete}.
   */
  public static SetLine parse(String line) {
    List<String> words = words(line.strip());
    if (words.size() < 2) {
      return null;
    }
    String verb = words.get(0);
    if (!verb.equals("set") && !verb.equals("delete")) {
      return null;
    }
    return new SetLine(verb, words.subList(1, words.size()));
  }

  /** Every {@code set}/{@code delete} line of a configuration in {@code set} form, in order. */
  public static List<SetLine> parseAll(String configuration) {
    List<SetLine> lines = new ArrayList<>();
    if (configuration == null) {
      return lines;
    }
    for (String raw : configuration.split("\\R")) {
      SetLine line = parse(raw);
      if (line != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Words of a line: blanks separate them, double quotes group them, backslash escapes. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '#' && !inWord) {
        break;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Whether this statement lies at or under {@code prefix}. */
  public boolean startsWith(List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  /** The same statement as a {@code set}. */
  public SetLine asSet() {
    return verb.equals("set") ? this : new SetLine("set", path);
  }

  /** Words after which Junos keeps a secret (pre-shared keys, password hashes, SNMP secrets). */
  private static final java.util.Set<String> SECRET_WORDS =
      java.util.Set.of(
          "ascii-text",
          "hexadecimal",
          "encrypted-password",
          "authentication-key",
          "secret",
          "community");

  private static final java.util.regex.Pattern SECRET_IN_TEXT =
      java.util.regex.Pattern.compile(
          "\\b(ascii-text|hexadecimal|encrypted-password|authentication-key|secret|community)"
              + "(\\s+)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s;]+)");

  /** Any configuration text (set lines, curly braces, a diff) with secret values hidden. */
  public static String masked(String text) {
    return text == null ? null : SECRET_IN_TEXT.matcher(text).replaceAll("$1$2<hidden>");
  }

  /** The canonical form with secret values replaced by {@code <hidden>}: for reports. */
  public String toMaskedString() {
    StringBuilder out = new StringBuilder(verb);
    for (int i = 0; i < path.size(); i++) {
      boolean secret = i > 0 && SECRET_WORDS.contains(path.get(i - 1));
      out.append(' ').append(secret ? "<hidden>" : quoted(path.get(i)));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(verb);
    for (String word : path) {
      out.append(' ').append(quoted(word));
    }
    return out.toString();
  }

  private static String quoted(String word) {
    boolean plain = !word.isEmpty();
    for (int i = 0; i < word.length() && plain; i++) {
      char c = word.charAt(i);
      plain = !Character.isWhitespace(c) && "\"';{}#\\".indexOf(c) < 0;
    }
    return plain ? word : '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
