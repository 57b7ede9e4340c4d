package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimerIT extends EngineIT {

  @Test
  void intermediateTimerCatchEventWaitsForItsDuration() {
    String id = unique("timer-catch");
    String type = unique("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("wait")
            .timerWithDurationExpression("waitFor")
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long started = System.nanoTime();
    long pi = start(id, Map.of("waitFor", "PT0.8S")).getProcessInstanceKey();

    ActivatedJob job = activateOne(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(750));
  }

  @Test
  void timerDateFires() {
    String id = unique("timer-date");
    String type = unique("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("at")
            .timerWithDateExpression("due")
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long pi =
        start(id, Map.of("due", Instant.now().plusMillis(500).toString())).getProcessInstanceKey();
    assertThat(activateOne(type).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void interruptingTimerBoundaryCancelsTheTaskAndTakesItsPath() {
    String id = unique("timer-boundary");
    String type = unique("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("waitForDevice", t -> t.zeebeJobType(type))
            .boundaryEvent("expired", b -> b.timerWithDuration("PT0.5S").cancelActivity(true))
            .serviceTask("expire", t -> t.zeebeJobType(type + "-expire"))
            .endEvent()
            .moveToActivity("waitForDevice")
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob work = activateOne(type);

    assertThat(activateOne(type + "-expire").getProcessInstanceKey()).isEqualTo(pi);
    assertThatThrownBy(() -> client.newCompleteCommand(work).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void nonInterruptingTimerBoundaryLeavesTheTaskRunning() {
    String id = unique("timer-reminder");
    String type = unique("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .boundaryEvent("reminder", b -> b.timerWithCycle("R2/PT0.3S").cancelActivity(false))
            .serviceTask("remind", t -> t.zeebeJobType(type + "-remind"))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("done", t -> t.zeebeJobType(type + "-done"))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob work = activateOne(type);

    ActivatedJob firstReminder = activateOne(type + "-remind");
    ActivatedJob secondReminder = activateOne(type + "-remind");
    assertThat(List.of(firstReminder.getKey(), secondReminder.getKey())).doesNotHaveDuplicates();
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(type + "-remind")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(800))
                .send()
                .join()
                .getJobs())
        .as("R2 fires twice only")
        .isEmpty();

    client.newCompleteCommand(work).send().join();
    assertThat(activateOne(type + "-done").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void timerStartEventStartsInstances() {
    String id = unique("timer-start");
    String type = unique("scheduled");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("tick")
            .timerWithCycle("R2/PT0.3S")
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    ActivatedJob first = activateOne(type);
    ActivatedJob second = activateOne(type);
    assertThat(first.getBpmnProcessId()).isEqualTo(id);
    assertThat(second.getProcessInstanceKey()).isNotEqualTo(first.getProcessInstanceKey());
  }
}
