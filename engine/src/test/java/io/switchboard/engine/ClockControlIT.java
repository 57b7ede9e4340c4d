package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Clock control through the official client: timers, FEEL expressions and DMN decisions follow the
 * pinned clock.
 */
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

  @Test
  void feelExpressionsAndDecisionsReadThePinnedClock() {
    client.newPinClockCommand().time(Instant.parse("2031-06-15T12:00:00Z")).send().join();
    String id = unique("now");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask("year", t -> t.zeebeExpression("now().year").zeebeResultVariable("year"))
            .endEvent()
            .done());
    var result =
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().withResult().send();
    assertThat(result.join().getVariablesAsMap()).containsEntry("year", 2031);

    String decision = "month_" + id.replace("-", "_");
    String dmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            id="d_%s" name="Clock" namespace="http://switchboard.io/dmn">
          <decision id="%s" name="Month">
            <literalExpression><text>today().year * 100 + today().month</text></literalExpression>
          </decision>
        </definitions>
        """
            .formatted(decision, decision);
    client
        .newDeployResourceCommand()
        .addResourceString(dmn, StandardCharsets.UTF_8, "clock.dmn")
        .send()
        .join();
    var evaluated = client.newEvaluateDecisionCommand().decisionId(decision).send().join();
    assertThat(evaluated.getDecisionOutput()).isEqualTo("203106");
  }
}
