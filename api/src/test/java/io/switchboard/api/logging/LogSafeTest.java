package io.switchboard.api.logging;

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

  @Test
  void exceptionMessagesAreEscapedAndTheStackIsKept() {
    IllegalStateException original =
        new IllegalStateException("bad\r\nFORGED", new IllegalArgumentException("inner\nline"));
    Throwable safe = LogSafe.failure(original);
    assertThat(safe.toString()).isEqualTo("java.lang.IllegalStateException: bad\\r\\nFORGED");
    assertThat(safe.getCause().toString())
        .isEqualTo("java.lang.IllegalArgumentException: inner\\nline");
    assertThat(safe.getStackTrace()).isEqualTo(original.getStackTrace());
  }
}
