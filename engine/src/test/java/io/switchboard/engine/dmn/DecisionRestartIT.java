package io.switchboard.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.engine.EngineIT;
import io.switchboard.engine.EngineTestApplication;
import io.switchboard.engine.dmn.Dmn.Rule;
import io.switchboard.engine.dmn.Dmn.Table;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Deployed decisions and forms survive a restart: processes call them, the client finds them. */
class DecisionRestartIT {

  private static String databaseUrl() {
    return EngineIT.databaseForRestart("dmn-restart");
  }

  private static ConfigurableApplicationContext startApp(String url) {
    return new SpringApplicationBuilder(EngineTestApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url);
  }

  private static CamundaClient client(ConfigurableApplicationContext context) {
    return EngineIT.newClient(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @Test
  void decisionsAndFormsSurviveARestart() {
    String url = databaseUrl();
    String s = UUID.randomUUID().toString().substring(0, 8);
    String decisionId = "tier_" + s;
    String processId = "rules-" + s;
    Table table =
        new Table(
            decisionId,
            "FIRST",
            List.of(new Rule("< 10", "\"small\""), new Rule(">= 10", "\"large\"")));
    long decisionKey;
    long formKey;

    ConfigurableApplicationContext first = startApp(url);
    try (CamundaClient client = client(first)) {
      DeploymentEvent deployment =
          client
              .newDeployResourceCommand()
              .addProcessModel(
                  Bpmn.createExecutableProcess(processId)
                      .startEvent()
                      .businessRuleTask(
                          "decide",
                          t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("tier"))
                      .serviceTask("after", t -> t.zeebeJobType(processId))
                      .endEvent()
                      .done(),
                  "rules.bpmn")
              .addResourceString(
                  Dmn.definitions("graph_" + s, List.of(table)), StandardCharsets.UTF_8, "t.dmn")
              .addResourceString(
                  "{\"id\": \"form_" + s + "\", \"components\": []}",
                  StandardCharsets.UTF_8,
                  "f.form")
              .send()
              .join();
      decisionKey = deployment.getDecisions().get(0).getDecisionKey();
      formKey = deployment.getForm().get(0).getFormKey();
    } finally {
      first.close();
    }

    ConfigurableApplicationContext second = startApp(url);
    try (CamundaClient client = client(second)) {
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(Map.of("size", 12))
          .send()
          .join();
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(processId)
              .maxJobsToActivate(1)
              .requestTimeout(Duration.ofSeconds(10))
              .send()
              .join()
              .getJobs();
      assertThat(jobs).hasSize(1);
      assertThat(jobs.get(0).getVariablesAsMap()).containsEntry("tier", "large");
      assertThat(
              client
                  .newEvaluateDecisionCommand()
                  .decisionKey(decisionKey)
                  .variables(Map.of("size", 1))
                  .send()
                  .join()
                  .getDecisionOutput())
          .isEqualTo("\"small\"");
      // an unchanged form keeps its key across the restart
      assertThat(
              client
                  .newDeployResourceCommand()
                  .addResourceString(
                      "{\"id\": \"form_" + s + "\", \"components\": []}",
                      StandardCharsets.UTF_8,
                      "f.form")
                  .send()
                  .join()
                  .getForm()
                  .get(0)
                  .getFormKey())
          .isEqualTo(formKey);
    } finally {
      second.close();
    }
  }
}
