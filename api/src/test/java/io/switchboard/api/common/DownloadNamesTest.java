package io.switchboard.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNamesTest {
  @Test
  void aHostileNameCannotLeaveTheFilenameParameter() {
    String header =
        DownloadNames.attachment("evil\".tgz\"; filename=\"x.exe\r\nX-Injected: 1", "fallback")
            .toString();
    assertThat(header).doesNotContain("\r", "\n", "\"x.exe\"").contains("filename*=UTF-8''");
    assertThat(header.chars().filter(c -> c == '"').count())
        .as("only the quotes around the one filename value")
        .isEqualTo(2);
  }

  @Test
  void pathsAndBidiCharactersAreRemovedAndUnicodeIsEncoded() {
    assertThat(DownloadNames.sanitise("../../etc/passwd", "f")).isEqualTo("passwd");
    assertThat(DownloadNames.sanitise("photo\u202egpj.exe", "f")).isEqualTo("photo_gpj.exe");
    assertThat(DownloadNames.attachment("jünos.tgz", "f").toString())
        .contains("filename*=UTF-8''j%C3%BCnos.tgz");
    assertThat(DownloadNames.sanitise("..", "fallback")).isEqualTo("fallback");
  }
}
