package io.switchboard.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobActivationTest {

  @Test
  void longPollsAnswerAtHalfTheRequestTimeoutSoTheClientIsStillListening() {
    assertThat(JobActivation.holdTime(20_000L)).isEqualTo(10_000);
    assertThat(JobActivation.holdTime(null)).isEqualTo(5_000);
    assertThat(JobActivation.holdTime(0L)).isEqualTo(5_000);
  }

  @Test
  void shortAndNegativeRequestTimeoutsAreKept() {
    assertThat(JobActivation.holdTime(500L)).isEqualTo(500);
    assertThat(JobActivation.holdTime(-1L)).isEqualTo(-1);
  }
}
