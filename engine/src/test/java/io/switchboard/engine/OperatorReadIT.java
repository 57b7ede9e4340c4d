package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.MessageSubscriptionState;
import io.camunda.client.api.search.response.MessageSubscription;
import io.camunda.client.api.search.response.ProcessInstanceCallHierarchyEntryResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Call hierarchy and message subscriptions, through the official client. */
class OperatorReadIT extends EngineIT {

  @Test
  void callHierarchyListsTheCallersRootFirst() {
    String grandchild = unique("grandchild");
    String child = unique("child");
    String root = unique("root");
    String type = unique("work");
    deploy(
        Bpmn.createExecutableProcess(grandchild)
            .name("Upgrade one device")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(grandchild))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(root)
            .name("Fleet upgrade")
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long rootKey = start(root, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);

    List<ProcessInstanceCallHierarchyEntryResponse> chain =
        client.newProcessInstanceGetCallHierarchyRequest(job.getProcessInstanceKey()).send().join();

    assertThat(chain).hasSize(3);
    assertThat(chain.get(0).getProcessInstanceKey()).isEqualTo(rootKey);
    assertThat(chain.get(0).getProcessDefinitionName()).isEqualTo("Fleet upgrade");
    assertThat(chain.get(1).getProcessDefinitionName())
        .as("no name: the process id")
        .isEqualTo(child);
    assertThat(chain.get(2).getProcessInstanceKey()).isEqualTo(job.getProcessInstanceKey());
    assertThat(chain.get(2).getProcessDefinitionKey()).isEqualTo(job.getProcessDefinitionKey());
    assertThat(client.newProcessInstanceGetCallHierarchyRequest(rootKey).send().join())
        .singleElement()
        .satisfies(e -> assertThat(e.getProcessInstanceKey()).isEqualTo(rootKey));
  }

  @Test
  void callHierarchyOfAnUnknownInstanceIsNotFound() {
    assertThatThrownBy(
            () -> client.newProcessInstanceGetCallHierarchyRequest(123456789L).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  private String deployMessageWait(String message) {
    String id = unique("wait-message");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("await")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("serial"))
            .endEvent()
            .done());
    return id;
  }

  private List<MessageSubscription> subscriptions(long processInstanceKey) {
    return client
        .newMessageSubscriptionSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items();
  }

  @Test
  void messageSubscriptionsAreCreatedThenCorrelated() {
    String message = unique("device-online");
    String id = deployMessageWait(message);
    long pi = start(id, Map.of("serial", "SN-7")).getProcessInstanceKey();

    MessageSubscription open = subscriptions(pi).get(0);
    assertThat(open.getMessageSubscriptionState()).isEqualTo(MessageSubscriptionState.CREATED);
    assertThat(open.getMessageName()).isEqualTo(message);
    assertThat(open.getCorrelationKey()).isEqualTo("SN-7");
    assertThat(open.getElementId()).isEqualTo("await");
    assertThat(open.getProcessDefinitionId()).isEqualTo(id);
    assertThat(open.getLastUpdatedDate()).isNotNull();
    assertThat(
            client
                .newMessageSubscriptionSearchRequest()
                .filter(f -> f.messageName(message).correlationKey("SN-7"))
                .send()
                .join()
                .items())
        .extracting(MessageSubscription::getProcessInstanceKey)
        .containsExactly(pi);

    client.newPublishMessageCommand().messageName(message).correlationKey("SN-7").send().join();

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(subscriptions(pi))
                    .singleElement()
                    .satisfies(
                        s ->
                            assertThat(s.getMessageSubscriptionState())
                                .isEqualTo(MessageSubscriptionState.CORRELATED)));
  }

  @Test
  void aCancelledInstancesSubscriptionIsDeleted() {
    String message = unique("never");
    String id = deployMessageWait(message);
    long pi = start(id, Map.of("serial", "SN-8")).getProcessInstanceKey();
    client.newCancelInstanceCommand(pi).send().join();

    assertThat(
            client
                .newMessageSubscriptionSearchRequest()
                .filter(
                    f ->
                        f.processInstanceKey(pi)
                            .messageSubscriptionState(MessageSubscriptionState.DELETED))
                .send()
                .join()
                .items())
        .singleElement()
        .satisfies(s -> assertThat(s.getMessageName()).isEqualTo(message));
  }
}
