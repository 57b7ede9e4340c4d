package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Process instance migration through the official client. */
class MigrationIT extends EngineIT {

  private long definitionKey(BpmnModelInstance model) {
    return deploy(model).getProcesses().get(0).getProcessDefinitionKey();
  }

  @Test
  void aServiceTaskMovesToTheNewVersionKeepingItsJobAndVariables() {
    String id = unique("migrate");
    String type = unique("configure");
    definitionKey(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("configure", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long pi = start(id, Map.of("site", "PAR-1")).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);
    long v2 =
        definitionKey(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("configureDevice", t -> t.zeebeJobType(type + "-v2"))
                .serviceTask("verify", t -> t.zeebeJobType(type + "-verify"))
                .endEvent()
                .done());

    client
        .newMigrateProcessInstanceCommand(pi)
        .migrationPlan(v2)
        .addMappingInstruction("configure", "configureDevice")
        .send()
        .join();

    var instance = client.newProcessInstanceGetRequest(pi).send().join();
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(instance.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(pi).elementId("configureDevice"))
                .send()
                .join()
                .items())
        .hasSize(1);
    client.newCompleteCommand(job).send().join();
    ActivatedJob verify = activateOne(type + "-verify");
    assertThat(verify.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(verify.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(verify.getVariablesAsMap()).containsEntry("site", "PAR-1");
  }

  private static BpmnModelInstance waits(String id, String message, String suffix, String type) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .parallelGateway("fork")
        .subProcess(
            "rollout",
            s ->
                s.embeddedSubProcess()
                    .startEvent()
                    .intermediateCatchEvent("settle", e -> e.timerWithDuration("PT2S"))
                    .serviceTask("afterSettle" + suffix, t -> t.zeebeJobType(type + suffix))
                    .endEvent())
        .endEvent()
        .moveToNode("fork")
        .receiveTask("await")
        .message(m -> m.name(message).zeebeCorrelationKeyExpression("serial"))
        .serviceTask("afterAwait" + suffix, t -> t.zeebeJobType(type + suffix))
        .endEvent()
        .moveToNode("fork")
        .userTask("approve", UserTaskBuilder::zeebeUserTask)
        .boundaryEvent(
            "withdrawn",
            b ->
                b.message(
                    m -> m.name(message + "-withdrawn").zeebeCorrelationKeyExpression("serial")))
        .serviceTask("onWithdrawn" + suffix, t -> t.zeebeJobType(type + suffix))
        .endEvent()
        .moveToActivity("approve")
        .endEvent()
        .done();
  }

  @Test
  void timersSubscriptionsUserTasksAndSubprocessesMigrateWithTheirTriggers() {
    String id = unique("migrate-waits");
    String message = unique("device-online");
    String type = unique("next");
    definitionKey(waits(id, message, "", type));
    long pi = start(id, Map.of("serial", "SN-9")).getProcessInstanceKey();
    List<UserTask> tasks =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    client
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(pi))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty());
    long v2 = definitionKey(waits(id, message, "V2", type));

    client
        .newMigrateProcessInstanceCommand(pi)
        .migrationPlan(v2)
        .addMappingInstruction("rollout", "rollout")
        .addMappingInstruction("settle", "settle")
        .addMappingInstruction("await", "await")
        .addMappingInstruction("approve", "approve")
        .addMappingInstruction("withdrawn", "withdrawn")
        .send()
        .join();

    assertThat(
            client
                .newUserTaskGetRequest(tasks.get(0).getUserTaskKey())
                .send()
                .join()
                .getProcessDefinitionKey())
        .isEqualTo(v2);
    client.newPublishMessageCommand().messageName(message).correlationKey("SN-9").send().join();
    client
        .newPublishMessageCommand()
        .messageName(message + "-withdrawn")
        .correlationKey("SN-9")
        .send()
        .join();
    // the receive task, the user task's boundary event and the timer all continue in version 2
    List<ActivatedJob> next = activate(type + "V2", 3);
    while (next.size() < 3) {
      List<ActivatedJob> more = activate(type + "V2", 3 - next.size());
      next = new java.util.ArrayList<>(next);
      next.addAll(more);
    }
    assertThat(next)
        .extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("afterAwaitV2", "onWithdrawnV2", "afterSettleV2");
    assertThat(activateNow(type)).as("nothing ran on version 1").isEmpty();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refused(
      long pi, long target, String... mappings) {
    return assertThatThrownBy(
            () -> {
              var command = client.newMigrateProcessInstanceCommand(pi).migrationPlan(target);
              var last = command.addMappingInstruction(mappings[0], mappings[1]);
              for (int i = 2; i < mappings.length; i += 2) {
                last = last.addMappingInstruction(mappings[i], mappings[i + 1]);
              }
              last.send().join();
            })
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void refusesWhatCannotBeMigratedAndChangesNothing() {
    String id = unique("migrate-refused");
    String type = unique("work");
    long v1 =
        definitionKey(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("task", t -> t.zeebeJobType(type))
                .endEvent()
                .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    activateOne(type);
    long userTaskVersion =
        definitionKey(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .userTask("task", UserTaskBuilder::zeebeUserTask)
                .endEvent()
                .done());
    long nestedVersion =
        definitionKey(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .subProcess(
                    "sub",
                    s ->
                        s.embeddedSubProcess()
                            .startEvent()
                            .serviceTask("task", t -> t.zeebeJobType(type))
                            .endEvent())
                .endEvent()
                .done());
    long boundaryVersion =
        definitionKey(
            Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("task", t -> t.zeebeJobType(type))
                .boundaryEvent("late", b -> b.timerWithDuration("PT1H"))
                .endEvent()
                .moveToActivity("task")
                .endEvent()
                .done());

    refused(pi, v1, "other", "task").hasMessageContaining("non-existing source element id 'other'");
    refused(pi, v1, "task", "nothing")
        .hasMessageContaining("non-existing target element id 'nothing'");
    refused(pi, userTaskVersion, "task", "task")
        .hasMessageContaining("Elements must be mapped to elements of the same type");
    refused(pi, nestedVersion, "task", "task")
        .hasMessageContaining("The flow scope of an element cannot be changed");
    refused(pi, boundaryVersion, "task", "task")
        .hasMessageContaining("adding boundary events by migration is not supported");
    refused(pi, 424242L, "task", "task")
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    String other = unique("unmapped");
    long otherKey =
        definitionKey(
            Bpmn.createExecutableProcess(other)
                .startEvent()
                .serviceTask("elsewhere", t -> t.zeebeJobType(type))
                .endEvent()
                .done());
    refused(pi, otherKey, id, other)
        .hasMessageContaining("no mapping instruction defined for active element with id 'task'");

    assertThat(client.newProcessInstanceGetRequest(pi).send().join().getProcessDefinitionKey())
        .isEqualTo(v1);
  }

  @Test
  void multiInstanceAndCallActivitiesAreRefusedNamingTheElement() {
    String id = unique("migrate-mi");
    String type = unique("each");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "each",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(m -> m.zeebeInputCollectionExpression("[1,2]")))
            .endEvent()
            .done();
    long v1 = definitionKey(model);
    long pi = start(id, Map.of()).getProcessInstanceKey();
    activate(type, 2);
    refused(pi, v1, "each", "each").hasMessageContaining("'each' has the unsupported type");
  }
}
