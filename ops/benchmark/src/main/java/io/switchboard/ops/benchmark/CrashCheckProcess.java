package io.switchboard.ops.benchmark;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;

/**
 * The process of the crash check: every wait state the engine must carry across a {@code kill -9}.
 * A job ({@code crash-check.work}), a timer, a message correlated by the instance's {@code id}, and
 * a last job ({@code crash-check.done}) whose activation proves that the instance reached its end.
 */
final class CrashCheckProcess {
  static final String PROCESS_ID = "crash-check";
  static final String JOB_WORK = "crash-check.work";
  static final String JOB_DONE = "crash-check.done";
  static final String MESSAGE = "crash-check.go";
  static final String VAR_ID = "id";
  static final Duration TIMER = Duration.ofSeconds(20);
  static final Duration MESSAGE_TTL = Duration.ofMinutes(10);

  private CrashCheckProcess() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent("start")
        .serviceTask("work", t -> t.zeebeJobType(JOB_WORK))
        .intermediateCatchEvent("wait", e -> e.timerWithDuration(TIMER.toString()))
        .intermediateCatchEvent(
            "go", e -> e.message(m -> m.name(MESSAGE).zeebeCorrelationKeyExpression(VAR_ID)))
        .serviceTask("done", t -> t.zeebeJobType(JOB_DONE))
        .endEvent("end")
        .done();
  }

  /** The message id of the one message meant for the instance with this business id. */
  static String messageId(String id) {
    return "go-" + id;
  }
}
