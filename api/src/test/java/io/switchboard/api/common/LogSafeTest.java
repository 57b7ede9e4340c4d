package io.switchboard.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {
  @Test
  void lineBreaksAndControlCharactersAreEscapedSoNoLineCanBeForged() {
    String forged = "ok\r\n2026-12-02 INFO  admin logged in\u001b[31m\u202e";
    String safe = LogSafe.of(forged);
    assertThat(safe)
        .doesNotContain("\n", "\r", "\u001b", "\u202e")
        .isEqualTo("ok\\r\\n2026-12-02 INFO  admin logged in\\u001b[31m\\u202e");
  }

  @Test
  void backslashesAreDoubledSoInputCannotFakeAnEscape() {
    assertThat(LogSafe.of("a\\nb")).isEqualTo("a\\\\nb");
  }

  @Test
  void longValuesAreCut() {
    assertThat(LogSafe.of("x".repeat(600))).startsWith("x".repeat(500)).endsWith("(100 more)");
    assertThat(LogSafe.of(null)).isEqualTo("null");
  }
}
