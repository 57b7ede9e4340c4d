package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Process instance modification through the official client. */
class ModificationIT extends EngineIT {

  private String deployChain(String id, String type) {
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("configure", t -> t.zeebeJobType(type + "-configure"))
            .serviceTask("verify", t -> t.zeebeJobType(type + "-verify"))
            .subProcess(
                "rollout",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("push", t -> t.zeebeJobType(type + "-push"))
                        .serviceTask("commit", t -> t.zeebeJobType(type + "-commit"))
                        .endEvent())
            .endEvent()
            .done());
    return id;
  }

  private List<ElementInstance> elements(long pi, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(pi).elementId(elementId))
        .send()
        .join()
        .items();
  }

  @Test
  void movesATokenByActivatingAndTerminatingWithVariables() {
    String type = unique("mod");
    String id = deployChain(unique("modify"), type);
    long pi = start(id, Map.of("site", "PAR-1")).getProcessInstanceKey();
    ActivatedJob stuck = activateOne(type + "-configure");

    client
        .newModifyProcessInstanceCommand(pi)
        .activateElement("verify")
        .withVariables(Map.of("fixedBy", "operator"))
        .withVariables(Map.of("attempt", 2), "verify")
        .and()
        .terminateElement(stuck.getElementInstanceKey())
        .send()
        .join();

    ActivatedJob verify = activateOne(type + "-verify");
    assertThat(verify.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(verify.getVariablesAsMap())
        .containsEntry("fixedBy", "operator")
        .containsEntry("attempt", 2)
        .containsEntry("site", "PAR-1");
    assertThatThrownBy(() -> client.newCompleteCommand(stuck).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    assertThat(elements(pi, "configure"))
        .singleElement()
        .satisfies(e -> assertThat(e.getState()).isEqualTo(ElementInstanceState.TERMINATED));
    client.newCompleteCommand(verify).send().join();
    assertThat(activateOne(type + "-push").getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void activatingInsideASubprocessCreatesItWithoutItsStartAndTheAttempt() {
    String type = unique("mod");
    String id = deployChain(unique("modify-sub"), type);
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob configure = activateOne(type + "-configure");

    client
        .newModifyProcessInstanceCommand(pi)
        .activateElement("commit")
        .withVariables(Map.of("change", 42), "rollout")
        .and()
        .terminateElement(configure.getElementInstanceKey())
        .send()
        .join();

    ActivatedJob commit = activateOne(type + "-commit");
    assertThat(commit.getVariablesAsMap()).containsEntry("change", 42);
    assertThat(activateNow(type + "-push")).isEmpty();
    ElementInstance rollout = elements(pi, "rollout").get(0);
    assertThat(rollout.getState()).isEqualTo(ElementInstanceState.ACTIVE);
    client.newCompleteCommand(commit).send().join();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);
  }

  @Test
  void terminatingTheLastElementTerminatesTheInstance() {
    String type = unique("mod");
    String id = deployChain(unique("modify-end"), type);
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob configure = activateOne(type + "-configure");

    client
        .newModifyProcessInstanceCommand(pi)
        .terminateElement(configure.getElementInstanceKey())
        .send()
        .join();

    assertThat(client.newProcessInstanceGetRequest(pi).send().join().getState().name())
        .isEqualTo("TERMINATED");
  }

  @Test
  void activatingIntoANewSubprocessWithStartListenersIsRefused() {
    String id = unique("modify-listened");
    String type = unique("mod");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("configure", t -> t.zeebeJobType(type))
            .subProcess(
                "sub",
                s ->
                    s.zeebeStartExecutionListener("audit")
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("inner", t -> t.zeebeJobType(type + "-inner"))
                        .endEvent())
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    activateOne(type);
    assertThatThrownBy(
            () -> client.newModifyProcessInstanceCommand(pi).activateElement("inner").send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("'sub' would be created and has start execution listeners");
  }

  @Test
  void refusesBadInstructionsAndChangesNothing() {
    String type = unique("mod");
    String id = deployChain(unique("modify-refused"), type);
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob configure = activateOne(type + "-configure");

    assertThatThrownBy(
            () ->
                client
                    .newModifyProcessInstanceCommand(pi)
                    .activateElement("verify")
                    .and()
                    .activateElement("nowhere")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("no element found with id 'nowhere'");
    assertThatThrownBy(
            () ->
                client
                    .newModifyProcessInstanceCommand(pi)
                    .activateElement("verify")
                    .and()
                    .terminateElement(123L)
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("could not be found: '123'");
    assertThatThrownBy(
            () ->
                client
                    .newModifyProcessInstanceCommand(pi)
                    .activateElement("push")
                    .withVariables(Map.of("x", 1), "verify")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("'verify'");
    assertThatThrownBy(
            () ->
                client
                    .newModifyProcessInstanceCommand(987654321L)
                    .activateElement("verify")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));

    assertThat(activateNow(type + "-verify")).as("nothing was activated").isEmpty();
    client.newCompleteCommand(configure).send().join();
    assertThat(activateOne(type + "-verify").getProcessInstanceKey()).isEqualTo(pi);
  }
}
