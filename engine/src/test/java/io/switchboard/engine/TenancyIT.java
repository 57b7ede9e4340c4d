package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenants share nothing: deployments, instances, jobs, messages and signals stay inside one. */
class TenancyIT extends EngineIT {

  private long deployFor(String tenant, BpmnModelInstance model) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, "p.bpmn")
        .tenantId(tenant)
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  private long startFor(String tenant, String id, Map<String, Object> vars) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(id)
        .latestVersion()
        .tenantId(tenant)
        .variables(vars)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private List<ActivatedJob> activateFor(String type, String... tenants) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .tenantIds(tenants)
        .requestTimeout(Duration.ofMillis(300))
        .send()
        .join()
        .getJobs();
  }

  @Test
  void sameProcessIdVersionsIndependentlyPerTenantAndJobsStayInTheirTenant() {
    String id = unique("tenant-proc");
    String type = unique("job");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", s -> s.zeebeJobType(type))
            .endEvent()
            .done();
    deployFor("acme", model);
    long globexKey = deployFor("globex", model);

    long acmeInstance = startFor("acme", id, Map.of());

    assertThat(activateFor(type, "globex")).isEmpty();
    assertThat(activateFor(type)).as("the default tenant sees nothing either").isEmpty();
    List<ActivatedJob> acmeJobs = activateFor(type, "acme");
    assertThat(acmeJobs).hasSize(1);
    assertThat(acmeJobs.get(0).getTenantId()).isEqualTo("acme");
    assertThat(acmeJobs.get(0).getProcessInstanceKey()).isEqualTo(acmeInstance);

    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .processDefinitionKey(globexKey)
                    .tenantId("acme")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    assertThatThrownBy(() -> startFor("initech", id, Map.of()))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void messagesAndSignalsOnlyReachTheirOwnTenant() {
    String id = unique("tenant-msg");
    String message = unique("phone-home");
    String signal = unique("freeze");
    String type = unique("next");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("fork")
            .intermediateCatchEvent("msg")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("serial"))
            .serviceTask("afterMessage", t -> t.zeebeJobType(type))
            .endEvent()
            .moveToNode("fork")
            .intermediateCatchEvent("sig")
            .signal(signal)
            .serviceTask("afterSignal", t -> t.zeebeJobType(type))
            .endEvent()
            .done();
    deployFor("acme", model);
    deployFor("globex", model);
    startFor("acme", id, Map.of("serial", "SN-1"));

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("SN-1")
        .tenantId("globex")
        .send()
        .join();
    client.newBroadcastSignalCommand().signalName(signal).tenantId("globex").send().join();
    assertThat(activateFor(type, "acme", "globex")).isEmpty();
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(message)
                    .correlationKey("SN-1")
                    .tenantId("globex")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));

    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("SN-1")
        .tenantId("acme")
        .send()
        .join();
    client.newBroadcastSignalCommand().signalName(signal).tenantId("acme").send().join();
    assertThat(activateFor(type, "acme"))
        .extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("afterMessage", "afterSignal");
  }
}
