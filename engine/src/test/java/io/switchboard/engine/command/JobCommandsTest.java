package io.switchboard.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobCommandsTest {

  @Test
  void longPollsAnswerAtHalfTheRequestTimeoutSoTheClientIsStillListening() {
    assertThat(JobCommands.holdTime(20_000L)).isEqualTo(10_000);
    assertThat(JobCommands.holdTime(null)).isEqualTo(5_000);
    assertThat(JobCommands.holdTime(0L)).isEqualTo(5_000);
  }

  @Test
  void shortAndNegativeRequestTimeoutsAreKept() {
    assertThat(JobCommands.holdTime(500L)).isEqualTo(500);
    assertThat(JobCommands.holdTime(-1L)).isEqualTo(-1);
  }
}
