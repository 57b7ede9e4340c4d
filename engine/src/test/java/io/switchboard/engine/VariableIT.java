package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableIT extends EngineIT {

  @Test
  void inputMappingsAreLocalToTheTaskAndOutputMappingsShapeWhatPropagates() {
    String id = unique("io");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "render",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInputExpression("site.name", "siteName")
                        .zeebeInputExpression("\"v\" + string(site.version)", "label")
                        .zeebeOutputExpression("config", "device.config")
                        .zeebeOutputExpression("count(config.lines)", "lineCount"))
            .endEvent()
            .done());

    try (var worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (c, job) -> {
                  assertThat(job.getVariablesAsMap())
                      .containsEntry("siteName", "paris-1")
                      .containsEntry("label", "v3");
                  c.newCompleteCommand(job)
                      .variables(
                          Map.of(
                              "config", Map.of("lines", java.util.List.of("a", "b")), "scratch", 1))
                      .send()
                      .join();
                })
            .open()) {
      ProcessInstanceResult result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(id)
              .latestVersion()
              .variables(
                  Map.of(
                      "site",
                      Map.of("name", "paris-1", "version", 3),
                      "device",
                      Map.of("serial", "SN-1")))
              .withResult()
              .send()
              .join();

      Map<String, Object> vars = result.getVariablesAsMap();
      assertThat(vars)
          .containsEntry("lineCount", 2)
          .doesNotContainKeys("siteName", "label", "scratch", "config");
      assertThat(vars.get("device"))
          .isEqualTo(
              Map.of("serial", "SN-1", "config", Map.of("lines", java.util.List.of("a", "b"))));
    }
  }

  @Test
  void jobVariablesWithoutOutputMappingsUpdateTheScopeThatHoldsThemOrTheRoot() {
    String id = unique("propagation");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("sub", s -> s.zeebeInputExpression("1", "attempt"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(type))
            .serviceTask("check", t -> t.zeebeJobType(type + "-check"))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client
        .newCompleteCommand(activateOne(type))
        .variables(Map.of("attempt", 2, "result", "ok"))
        .send()
        .join();

    ActivatedJob check = activateOne(type + "-check");
    assertThat(check.getVariablesAsMap()).containsEntry("attempt", 2).containsEntry("result", "ok");
    assertThat(check.getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void setVariablesLocallyOrPropagated() {
    String id = unique("set-vars");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .serviceTask("next", t -> t.zeebeJobType(type + "-next"))
            .endEvent()
            .done());
    long pi = start(id, Map.of("keep", 1)).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);

    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("localOnly", true))
        .local(true)
        .send()
        .join();
    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("keep", 2))
        .send()
        .join();
    client.newFailCommand(job).retries(1).send().join();
    assertThat(activateOne(type).getVariablesAsMap())
        .containsEntry("localOnly", true)
        .containsEntry("keep", 2);
    client.newCompleteCommand(job).send().join();

    ActivatedJob next = activateOne(type + "-next");
    assertThat(next.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(next.getVariablesAsMap()).containsEntry("keep", 2).doesNotContainKey("localOnly");
  }

  @Test
  void failingOutputMappingRaisesAnIncidentAndResolutionRetriesIt() {
    String id = unique("io-incident");
    String type = unique("job");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeOutputExpression("assert(limit, limit != null)", "limit"))
            .serviceTask("next", t -> t.zeebeJobType(type + "-next"))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(type);
    client.newCompleteCommand(job).send().join();

    Incident incident = awaitIncident(pi);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR);

    client.newSetVariablesCommand(pi).variables(Map.of("limit", 5)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob next = activateOne(type + "-next");
    assertThat(next.getVariablesAsMap()).containsEntry("limit", 5);
  }
}
