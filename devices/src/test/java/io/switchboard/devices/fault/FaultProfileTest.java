package io.switchboard.devices.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultProfileTest {

  @Test
  void namedProfilesAndListsParse() {
    assertThat(FaultProfile.parse("none").probabilities()).isEmpty();
    assertThat(FaultProfile.parse("flaky").probabilities())
        .containsKeys(Fault.SLOW_RESPONSES, Fault.DROP_SESSION, Fault.COMMIT_FAILURE);
    assertThat(FaultProfile.parse("hostile").probabilities()).containsKey(Fault.UNREACHABLE);
    assertThat(FaultProfile.parse("commit-failure=0.5, slow=0.1,DROP_SESSION").probabilities())
        .containsEntry(Fault.COMMIT_FAILURE, 0.5)
        .containsEntry(Fault.SLOW_RESPONSES, 0.1)
        .containsEntry(Fault.DROP_SESSION, 1.0);
  }

  @Test
  void badProfilesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> FaultProfile.parse("meltdown"))
        .hasMessageContaining("unknown fault 'meltdown'");
    assertThatThrownBy(() -> FaultProfile.parse("commit-failure=2"))
        .hasMessageContaining("must be in [0,1]");
    assertThatThrownBy(() -> FaultProfile.parse("commit-failure=x"))
        .hasMessageContaining("bad probability");
  }

  @Test
  void injectorDrawsDeterministicallyAndOneShotsExpire() {
    FaultInjector a = new FaultInjector(7, FaultProfile.parse("slow=0.5"), Duration.ZERO);
    FaultInjector b = new FaultInjector(7, FaultProfile.parse("slow=0.5"), Duration.ZERO);
    for (int i = 0; i < 50; i++) {
      assertThat(a.strikes(Fault.SLOW_RESPONSES)).isEqualTo(b.strikes(Fault.SLOW_RESPONSES));
    }
    a.injectTimes(Fault.COMMIT_FAILURE, 2);
    assertThat(a.strikes(Fault.COMMIT_FAILURE)).isTrue();
    assertThat(a.strikes(Fault.COMMIT_FAILURE)).isTrue();
    assertThat(a.strikes(Fault.COMMIT_FAILURE)).isFalse();
    assertThat(a.strikes(Fault.CORRUPT_IMAGE)).isFalse();
  }
}
