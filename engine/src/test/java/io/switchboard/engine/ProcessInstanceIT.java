package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessInstanceIT extends EngineIT {

  @Test
  void createsByLatestVersionByGivenVersionAndByDefinitionKey() {
    String id = unique("versioned");
    long v1 =
        deploy(
                Bpmn.createExecutableProcess(id)
                    .startEvent()
                    .serviceTask("t", s -> s.zeebeJobType(id + "-v1"))
                    .endEvent()
                    .done())
            .getProcesses()
            .get(0)
            .getProcessDefinitionKey();
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", s -> s.zeebeJobType(id + "-v2"))
            .endEvent()
            .done());

    ProcessInstanceEvent latest =
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
    ProcessInstanceEvent byVersion =
        client.newCreateInstanceCommand().bpmnProcessId(id).version(1).send().join();
    ProcessInstanceEvent byKey =
        client.newCreateInstanceCommand().processDefinitionKey(v1).send().join();

    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(byVersion.getVersion()).isEqualTo(1);
    assertThat(byVersion.getProcessDefinitionKey()).isEqualTo(v1);
    assertThat(byKey.getVersion()).isEqualTo(1);
    assertThat(activate(id + "-v1", 10)).hasSize(2);
    assertThat(activate(id + "-v2", 10)).hasSize(1);
  }

  @Test
  void unknownProcessAnswersNotFound() {
    assertThatThrownBy(() -> start(unique("missing"), Map.of()))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void awaitCompletionReturnsOnlyTheFetchedVariables() {
    String id = unique("await");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .variables(Map.of("a", 1, "b", 2))
            .withResult()
            .fetchVariables("a")
            .send()
            .join();
    assertThat(result.getVariablesAsMap()).containsOnlyKeys("a");
    assertThat(result.getProcessInstanceKey()).isPositive();
  }

  @Test
  void awaitCompletionFailsWhenTheRequestTimeoutRunsOut() {
    String id = unique("await-timeout");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", s -> s.zeebeJobType(id))
            .endEvent()
            .done());
    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(id)
                    .latestVersion()
                    .withResult()
                    .requestTimeout(Duration.ofMillis(500))
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(504));
  }

  @Test
  void cancelTerminatesTheInstanceAndItsJobs() {
    String id = unique("cancel");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", s -> s.zeebeJobType(id))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(id);

    client.newCancelInstanceCommand(pi).send().join();

    // completing a job whose element is gone answers 404
    assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    assertThatThrownBy(() -> client.newCancelInstanceCommand(pi).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
