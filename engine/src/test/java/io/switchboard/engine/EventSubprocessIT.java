package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSubprocessIT extends EngineIT {

  @Test
  void interruptingMessageEventSubprocessReplacesTheMainFlow() {
    String id = unique("esp-message");
    String message = unique("abort-rollout");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "onAbort",
                e ->
                    e.startEvent("abortStart")
                        .interrupting(true)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("rolloutId"))
                        .serviceTask("undo", t -> t.zeebeJobType(type + "-undo"))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long pi = start(id, Map.of("rolloutId", "r-1")).getProcessInstanceKey();
    ActivatedJob work = activateOne(type);

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("r-1")
        .variables(Map.of("why", "operator"))
        .send()
        .join();

    ActivatedJob undo = activateOne(type + "-undo");
    assertThat(undo.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(undo.getVariablesAsMap()).containsEntry("why", "operator");
    assertThatThrownBy(() -> client.newCompleteCommand(work).send().join())
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void nonInterruptingTimerEventSubprocessRunsBesideTheMainFlow() {
    String id = unique("esp-timer");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "progress",
                e ->
                    e.startEvent("tick")
                        .interrupting(false)
                        .timerWithDuration("PT0.3S")
                        .serviceTask("report", t -> t.zeebeJobType(type + "-report"))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob work = activateOne(type);
    ActivatedJob report = activateOne(type + "-report");
    assertThat(report.getProcessInstanceKey()).isEqualTo(pi);
    client.newCompleteCommand(report).send().join();
    client.newCompleteCommand(work).send().join();
  }

  @Test
  void errorEventSubprocessCatchesAWorkerError() {
    String id = unique("esp-error");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "onError",
                e ->
                    e.startEvent("errorStart")
                        .error("DEVICE_GONE")
                        .serviceTask("handle", t -> t.zeebeJobType(type + "-handle"))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client
        .newThrowErrorCommand(activateOne(type))
        .errorCode("DEVICE_GONE")
        .variables(Map.of("serial", "SN-4"))
        .send()
        .join();
    ActivatedJob handle = activateOne(type + "-handle");
    assertThat(handle.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(handle.getVariablesAsMap()).containsEntry("serial", "SN-4");
  }

  @Test
  void signalEventSubprocessInsideAnEmbeddedSubprocess() {
    String id = unique("esp-signal");
    String signal = unique("maintenance");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("window")
            .embeddedSubProcess()
            .eventSubProcess(
                "onMaintenance",
                e ->
                    e.startEvent("sigStart")
                        .interrupting(true)
                        .signal(signal)
                        .serviceTask("pause", t -> t.zeebeJobType(type + "-pause"))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    activateOne(type);
    client.newBroadcastSignalCommand().signalName(signal).send().join();
    client.newCompleteCommand(activateOne(type + "-pause")).send().join();
    assertThat(activateOne(type + "-after").getProcessInstanceKey()).isEqualTo(pi);
  }
}
