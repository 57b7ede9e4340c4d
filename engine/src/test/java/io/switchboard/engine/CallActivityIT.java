package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallActivityIT extends EngineIT {

  private void deployChild(String childId, String type) {
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("upgrade", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
  }

  @Test
  void callActivityStartsTheChildWithParentVariablesAndTakesItsVariablesBack() {
    String child = unique("child");
    String parent = unique("parent");
    String type = unique("upgrade");
    deployChild(child, type);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("callUpgrade", c -> c.zeebeProcessIdExpression("\"" + child + "\""))
            .endEvent()
            .done());

    try (var worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (c, job) -> {
                  assertThat(job.getVariablesAsMap()).containsEntry("serial", "SN-1");
                  assertThat(job.getBpmnProcessId()).isEqualTo(child);
                  c.newCompleteCommand(job).variables(Map.of("installed", "23.4")).send().join();
                })
            .open()) {
      ProcessInstanceResult result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(parent)
              .latestVersion()
              .variables(Map.of("serial", "SN-1"))
              .withResult()
              .send()
              .join();
      assertThat(result.getVariablesAsMap())
          .containsEntry("installed", "23.4")
          .containsEntry("serial", "SN-1");
    }
  }

  @Test
  void cancellingTheParentCancelsTheChildAndChildrenCannotBeCancelledAlone() {
    String child = unique("child");
    String parent = unique("parent");
    String type = unique("upgrade");
    deployChild(child, type);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long pi = start(parent, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);
    assertThat(job.getProcessInstanceKey()).isNotEqualTo(pi);

    assertThatThrownBy(
            () -> client.newCancelInstanceCommand(job.getProcessInstanceKey()).send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining(String.valueOf(pi));
    client.newCancelInstanceCommand(pi).send().join();
    assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void missingCalledProcessRaisesAnIncidentResolvedOnceDeployed() {
    String child = unique("later");
    String parent = unique("parent");
    String type = unique("upgrade");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long pi = start(parent, Map.of()).getProcessInstanceKey();
    var incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_ELEMENT_ERROR);

    deployChild(child, type);
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    assertThat(activateOne(type).getBpmnProcessId()).isEqualTo(child);
  }

  @Test
  void errorThrownInTheChildIsCaughtOnTheCallActivity() {
    String child = unique("child");
    String parent = unique("parent");
    String type = unique("upgrade");
    deployChild(child, type);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .boundaryEvent("failed", b -> b.error("UPGRADE_FAILED"))
            .serviceTask("rollback", t -> t.zeebeJobType(type + "-rollback"))
            .endEvent()
            .moveToActivity("call")
            .endEvent()
            .done());
    long pi = start(parent, Map.of()).getProcessInstanceKey();
    client.newThrowErrorCommand(activateOne(type)).errorCode("UPGRADE_FAILED").send().join();
    assertThat(activateOne(type + "-rollback").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void variablesCrossTheCallActivityAsZeebePropagatesThem() {
    String child = unique("child");
    String parent = unique("parent");
    String type = unique("work");
    deployChild(child, type);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity(
                "mapped",
                c ->
                    c.zeebeProcessId(child)
                        .zeebePropagateAllParentVariables(false)
                        .zeebeInput("=serial", "device")
                        .zeebeOutput("=installed", "version"))
            .callActivity(
                "silent", c -> c.zeebeProcessId(child).zeebePropagateAllChildVariables(false))
            .endEvent()
            .done());
    var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(parent)
            .latestVersion()
            .variables(Map.of("serial", "SN-1", "site", "paris"))
            .withResult()
            .send();

    // only the input mappings reach a child that does not take all parent variables
    ActivatedJob mapped = activateOne(type);
    assertThat(mapped.getVariablesAsMap()).isEqualTo(Map.of("device", "SN-1"));
    client
        .newCompleteCommand(mapped)
        .variables(Map.of("installed", "23.4", "scratch", 1))
        .send()
        .join();
    // by default a child sees every variable of the call activity's scope
    ActivatedJob silent = activateOne(type);
    assertThat(silent.getVariablesAsMap())
        .containsEntry("serial", "SN-1")
        .containsEntry("site", "paris")
        .containsEntry("version", "23.4");
    client.newCompleteCommand(silent).variables(Map.of("leaked", true)).send().join();

    // output mappings choose what comes back; propagateAllChildVariables=false brings nothing
    assertThat(result.join().getVariablesAsMap())
        .containsEntry("version", "23.4")
        .doesNotContainKeys("installed", "scratch", "leaked", "device");
  }
}
