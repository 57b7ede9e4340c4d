package io.switchboard.workers.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ReadableJobFailuresTest {
  @Test
  void aFailureReadsAsOneLineWithItsRootCause() {
    RuntimeException failure =
        new IllegalStateException(
            "Could not save the device", new UncheckedIOException(new IOException("disk\nfull")));

    assertThat(ReadableJobFailures.sentence(failure))
        .isEqualTo("Could not save the device: disk full")
        .doesNotContain("\n")
        .doesNotContain("at io.switchboard");
  }

  @Test
  void aFailureWithoutMessageIsNamedByItsKind() {
    assertThat(ReadableJobFailures.sentence(new NullPointerException()))
        .isEqualTo("NullPointerException");
  }

  @Test
  void aLongMessageIsCut() {
    assertThat(ReadableJobFailures.sentence(new RuntimeException("x".repeat(5000))))
        .hasSize(1000)
        .endsWith("…");
  }
}
