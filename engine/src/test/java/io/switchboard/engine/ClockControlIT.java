package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Clock control through the official client: timers follow the pinned clock. */
@TestPropertySource(properties = "switchboard.engine.clock-control.enabled=true")
class ClockControlIT extends EngineIT {

  @AfterEach
  void resetClock() {
    client.newResetClockCommand().send().join();
  }

  private String deployTimer(String duration, String type) {
    String id = unique("clock");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait")
            .timerWithDuration(duration)
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    return id;
  }

  @Test
  void aTimerFiresWhenTheClockIsPinnedPastItsDueDate() {
    String type = unique("after");
    String id = deployTimer("PT1H", type);
    Instant now = Instant.now();
    client.newPinClockCommand().time(now).send().join();
    long pi = start(id, Map.of()).getProcessInstanceKey();

    client.newPinClockCommand().time(now.plus(Duration.ofMinutes(59))).send().join();
    assertThat(activateNow(type)).as("not due yet on the pinned clock").isEmpty();

    client.newPinClockCommand().time(now.plus(Duration.ofMinutes(61))).send().join();
    assertThat(activateOne(type).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void aPinnedClockStandsStillAndResetReturnsToSystemTime() {
    String type = unique("after");
    String id = deployTimer("PT1H", type);
    // pinned a day back, the timer is due 23 hours ago in system time, but not on the engine clock
    client.newPinClockCommand().time(Instant.now().minus(Duration.ofDays(1))).send().join();
    long pi = start(id, Map.of()).getProcessInstanceKey();
    assertThat(activateNow(type)).isEmpty();

    client.newResetClockCommand().send().join();
    assertThat(activateOne(type).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void longPollsEndOnTimeWhileTheClockIsPinned() {
    client.newPinClockCommand().time(Instant.now().minus(Duration.ofDays(1))).send().join();
    long started = System.nanoTime();
    assertThat(activateNow(unique("nothing"))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
