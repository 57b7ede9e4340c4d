package io.switchboard.workers.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

  @Test
  void aFailureIsOneLine() {
    assertThat(
            FailureMessages.message(
                new IllegalStateException("device r1:\n  connection refused\r\n")))
        .isEqualTo("device r1: connection refused");
  }

  @Test
  void anImageLinkTokenTheDeviceQuotesIsHidden() {
    String device =
        "Fetching package from http://sb/device-images/abc/junos.tgz?expires=1796228866&token=MBuGq0-He"
            + " to /var/tmp/junos.tgz?expires=1796228866&amp;token=MBuGq0-He ERROR: corrupt";
    assertThat(FailureMessages.message(new IllegalStateException(device)))
        .doesNotContain("MBuGq0")
        .contains("expires=1796228866&token=<hidden> to")
        .contains("&amp;token=<hidden> ERROR: corrupt");
  }

  @Test
  void aFailureReadsAsOneLineWithItsRootCause() {
    RuntimeException failure =
        new IllegalStateException(
            "Could not save the device", new UncheckedIOException(new IOException("disk\nfull")));

    assertThat(FailureMessages.message(failure))
        .isEqualTo("Could not save the device: disk full")
        .doesNotContain("at io.switchboard");
  }

  @Test
  void aCauseTheMessageAlreadyNamesIsNotRepeated() {
    IOException cause = new IOException("broken pipe");
    assertThat(FailureMessages.message(new IllegalStateException("write: broken pipe", cause)))
        .isEqualTo("write: broken pipe");
  }

  @Test
  void aFailureWithoutMessageIsNamedByItsKind() {
    assertThat(FailureMessages.message(new NullPointerException()))
        .isEqualTo("NullPointerException");
  }

  @Test
  void aRunawayMessageIsCut() {
    String sentence = FailureMessages.message(new RuntimeException("x".repeat(5000)));
    assertThat(sentence).hasSize(FailureMessages.MAX_LENGTH).endsWith("…");
  }
}
