package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
  private final CachingPasswordAuthenticationTest.MutableClock clock =
      new CachingPasswordAuthenticationTest.MutableClock();
  private final FailureThrottle throttle =
      new FailureThrottle(
          new FailureThrottle.Policy(
              3, 6, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(15)),
          clock);

  private void later(Duration d) {
    clock.now = clock.now.plus(d);
  }

  @Test
  void fewFailuresCostNothing() {
    assertThat(throttle.failure("u")).isEqualTo(FailureThrottle.Outcome.COUNTED);
    assertThat(throttle.failure("u")).isEqualTo(FailureThrottle.Outcome.COUNTED);
    assertThat(throttle.isBlocked("u")).isFalse();
  }

  @Test
  void failuresPastTheThresholdSlowDownWithADoublingDelay() {
    throttle.failure("u");
    throttle.failure("u");
    assertThat(throttle.failure("u")).isEqualTo(FailureThrottle.Outcome.SLOWED_DOWN);
    assertThat(throttle.isBlocked("u")).isTrue();
    later(Duration.ofMillis(1001));
    assertThat(throttle.isBlocked("u")).isFalse();
    throttle.failure("u");
    later(Duration.ofMillis(1500));
    assertThat(throttle.isBlocked("u")).as("2 s after the fourth failure").isTrue();
    later(Duration.ofMillis(600));
    assertThat(throttle.isBlocked("u")).isFalse();
  }

  @Test
  void tooManyFailuresLockForTheConfiguredPeriodThenExpire() {
    FailureThrottle.Outcome last = null;
    for (int i = 0; i < 6; i++) {
      later(Duration.ofSeconds(5));
      last = throttle.failure("u");
    }
    assertThat(last).isEqualTo(FailureThrottle.Outcome.LOCKED);
    later(Duration.ofMinutes(14));
    assertThat(throttle.isBlocked("u")).isTrue();
    later(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(throttle.isBlocked("u")).isFalse();
    assertThat(throttle.failure("u"))
        .as("the count starts again after the lock")
        .isEqualTo(FailureThrottle.Outcome.COUNTED);
  }

  @Test
  void successClearsAndKeysAreIndependent() {
    throttle.failure("u");
    throttle.failure("u");
    throttle.failure("u");
    assertThat(throttle.isBlocked("other")).isFalse();
    throttle.success("u");
    assertThat(throttle.isBlocked("u")).isFalse();
    assertThat(throttle.failure("u")).isEqualTo(FailureThrottle.Outcome.COUNTED);
  }
}
