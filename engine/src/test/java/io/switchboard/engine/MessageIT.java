package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageIT extends EngineIT {

  private BpmnModelInstance waitForPhoneHome(String id, String message, String next) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .intermediateCatchEvent(
            "phoneHome",
            e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("serial")))
        .serviceTask("next", t -> t.zeebeJobType(next))
        .endEvent()
        .done();
  }

  @Test
  void publishedMessageCorrelatesByKeyAndMergesItsVariables() {
    String id = unique("catch");
    String message = unique("phone-home");
    String next = unique("next");
    deploy(waitForPhoneHome(id, message, next));
    long mine = start(id, Map.of("serial", "SN-1")).getProcessInstanceKey();
    start(id, Map.of("serial", "SN-2"));

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("SN-1")
        .variables(Map.of("address", "10.0.0.7"))
        .send()
        .join();

    ActivatedJob job = activateOne(next);
    assertThat(job.getProcessInstanceKey()).isEqualTo(mine);
    assertThat(job.getVariablesAsMap()).containsEntry("address", "10.0.0.7");
    assertThat(activateNow(next)).as("the other serial still waits").isEmpty();
  }

  @Test
  void messageWithTimeToLiveIsBufferedUntilASubscriptionOpens() {
    String id = unique("buffered");
    String message = unique("phone-home");
    String next = unique("next");
    deploy(waitForPhoneHome(id, message, next));

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("SN-9")
        .timeToLive(Duration.ofMinutes(1))
        .variables(Map.of("early", true))
        .send()
        .join();
    long pi = start(id, Map.of("serial", "SN-9")).getProcessInstanceKey();

    ActivatedJob job = activateOne(next);
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(job.getVariablesAsMap()).containsEntry("early", true);
  }

  @Test
  void messageWithoutTimeToLiveIsNotBuffered() {
    String id = unique("not-buffered");
    String message = unique("phone-home");
    String next = unique("next");
    deploy(waitForPhoneHome(id, message, next));
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("SN-3")
        .timeToLive(Duration.ZERO)
        .send()
        .join();
    start(id, Map.of("serial", "SN-3"));
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(next)
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(500))
                .send()
                .join()
                .getJobs())
        .isEmpty();
  }

  @Test
  void messageIdIsUniqueWhileTheMessageIsBuffered() {
    String name = unique("dedup");
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey("k")
        .messageId("m-1")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    assertThatThrownBy(
            () ->
                client
                    .newPublishMessageCommand()
                    .messageName(name)
                    .correlationKey("k")
                    .messageId("m-1")
                    .timeToLive(Duration.ofMinutes(1))
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));
  }

  @Test
  void correlateAnswersWithTheProcessInstanceItReached() {
    String id = unique("correlate");
    String message = unique("phone-home");
    String next = unique("next");
    deploy(waitForPhoneHome(id, message, next));
    long pi = start(id, Map.of("serial", "SN-5")).getProcessInstanceKey();

    CorrelateMessageResponse response =
        client
            .newCorrelateMessageCommand()
            .messageName(message)
            .correlationKey("SN-5")
            .send()
            .join();

    assertThat(response.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(activateOne(next).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void correlateWithoutSubscriptionAnswersNotFound() {
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(unique("nobody"))
                    .correlationKey("x")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void messageStartEventStartsAnInstanceWithTheMessageVariables() {
    String id = unique("msg-start");
    String message = unique("device-registered");
    String next = unique("next");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .message(message)
            .serviceTask("next", t -> t.zeebeJobType(next))
            .endEvent()
            .done());

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("SN-77")
        .variables(Map.of("serial", "SN-77"))
        .send()
        .join();

    ActivatedJob job = activateOne(next);
    assertThat(job.getBpmnProcessId()).isEqualTo(id);
    assertThat(job.getVariablesAsMap()).containsEntry("serial", "SN-77");
  }

  @Test
  void receiveTaskWaitsForItsMessage() {
    String id = unique("receive");
    String message = unique("ack");
    String next = unique("next");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .receiveTask("wait")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
            .serviceTask("next", t -> t.zeebeJobType(next))
            .endEvent()
            .done());
    long pi = start(id, Map.of("orderId", "o-1")).getProcessInstanceKey();
    client.newPublishMessageCommand().messageName(message).correlationKey("o-1").send().join();
    assertThat(activateOne(next).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void interruptingMessageBoundaryCancelsTheTask() {
    String id = unique("msg-boundary");
    String message = unique("cancel-order");
    String type = unique("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .boundaryEvent("cancelled")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
            .serviceTask("cleanup", t -> t.zeebeJobType(type + "-cleanup"))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    long pi = start(id, Map.of("orderId", "o-2")).getProcessInstanceKey();
    ActivatedJob work = activateOne(type);

    client.newPublishMessageCommand().messageName(message).correlationKey("o-2").send().join();

    assertThat(activateOne(type + "-cleanup").getProcessInstanceKey()).isEqualTo(pi);
    assertThatThrownBy(() -> client.newCompleteCommand(work).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
