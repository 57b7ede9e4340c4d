package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Without {@code switchboard.engine.clock-control.enabled}, the clock cannot be moved. */
class ClockControlDisabledIT extends EngineIT {

  @Test
  void pinningIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> client.newPinClockCommand().time(Instant.now()).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              ProblemException problem = (ProblemException) e;
              assertThat(problem.code()).isEqualTo(403);
              assertThat(problem.details().getDetail())
                  .contains("switchboard.engine.clock-control.enabled");
            });
  }

  @Test
  void resettingIsRefusedToo() {
    assertThatThrownBy(() -> client.newResetClockCommand().send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(403));
  }
}
