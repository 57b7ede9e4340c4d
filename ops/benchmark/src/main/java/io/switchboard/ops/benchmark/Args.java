package io.switchboard.ops.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options with typed getters and defaults. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Expected an option --name, but got '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.length) {
        values.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("Expected a value after " + arg);
      }
    }
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Expected option --" + name);
    }
    return value;
  }

  int integer(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    return value == null ? fallback : parseDuration(value);
  }

  /**
   * {@code 500ms}, {@code 60s}, {@code 2m}, a plain number of seconds, or ISO-8601 ({@code PT1M}).
   */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase();
    if (t.startsWith("pt") || t.startsWith("p")) {
      return Duration.parse(text.trim().toUpperCase());
    }
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    return Duration.ofSeconds(Long.parseLong(t));
  }
}
