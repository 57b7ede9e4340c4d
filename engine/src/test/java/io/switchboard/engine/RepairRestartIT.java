package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Modification and migration are durable: after a restart the instances run on from where they were
 * moved to, on the definition they were migrated to.
 */
class RepairRestartIT {

  private static String databaseUrl() {
    return EngineIT.databaseForRestart("modify-restart");
  }

  private static ConfigurableApplicationContext startApp(String url) {
    return new SpringApplicationBuilder(EngineTestApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static List<ActivatedJob> activate(CamundaClient client, String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(5)
        .timeout(Duration.ofMinutes(1))
        .requestTimeout(Duration.ofSeconds(4))
        .send()
        .join()
        .getJobs();
  }

  @Test
  void modifiedAndMigratedInstancesCarryOnAfterARestart() throws java.sql.SQLException {
    String url = databaseUrl();
    String id = "modify-restart-" + UUID.randomUUID().toString().substring(0, 8);
    long pi;
    long migrated;
    long waitingInstance;
    long v2;
    ConfigurableApplicationContext first = startApp(url);
    try (CamundaClient client = EngineIT.newClient(port(first))) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(id)
                  .startEvent()
                  .serviceTask("configure", t -> t.zeebeJobType(id + "-configure"))
                  .serviceTask("verify", t -> t.zeebeJobType(id + "-verify"))
                  .serviceTask("report", t -> t.zeebeJobType(id + "-report"))
                  .endEvent()
                  .done(),
              "modify.bpmn")
          .send()
          .join();
      pi =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(id)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      ActivatedJob stuck = activate(client, id + "-configure").get(0);
      client
          .newModifyProcessInstanceCommand(pi)
          .activateElement("verify")
          .withVariables(Map.of("repairedBy", "noc"))
          .and()
          .terminateElement(stuck.getElementInstanceKey())
          .send()
          .join();

      String moved = id + "-moved";
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(moved)
                  .startEvent()
                  .serviceTask("wait", t -> t.zeebeJobType(moved + "-wait"))
                  .endEvent()
                  .done(),
              "moved.bpmn")
          .send()
          .join();
      migrated =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(moved)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      v2 =
          client
              .newDeployResourceCommand()
              .addProcessModel(
                  Bpmn.createExecutableProcess(moved)
                      .startEvent()
                      .serviceTask("waitLonger", t -> t.zeebeJobType(moved + "-wait"))
                      .serviceTask("then", t -> t.zeebeJobType(moved + "-then"))
                      .endEvent()
                      .done(),
                  "moved.bpmn")
              .send()
              .join()
              .getProcesses()
              .get(0)
              .getProcessDefinitionKey();
      // a subscription opened before the read model had them (engine migration V5)
      String waiting = id + "-waiting";
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(waiting)
                  .startEvent()
                  .intermediateCatchEvent("online")
                  .message(m -> m.name(waiting).zeebeCorrelationKeyExpression("\"SN-1\""))
                  .endEvent()
                  .done(),
              "waiting.bpmn")
          .send()
          .join();
      waitingInstance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(waiting)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      try (var connection = first.getBean(javax.sql.DataSource.class).getConnection();
          var statement = connection.createStatement()) {
        statement.executeUpdate(
            "DELETE FROM engine_history_message_subscription WHERE process_instance_key = "
                + waitingInstance);
      }
      client
          .newMigrateProcessInstanceCommand(migrated)
          .migrationPlan(v2)
          .addMappingInstruction("wait", "waitLonger")
          .send()
          .join();
    } finally {
      first.close();
    }

    ConfigurableApplicationContext second = startApp(url);
    try (CamundaClient client = EngineIT.newClient(port(second))) {
      List<ActivatedJob> verify = activate(client, id + "-verify");
      assertThat(verify).hasSize(1);
      assertThat(verify.get(0).getProcessInstanceKey()).isEqualTo(pi);
      assertThat(verify.get(0).getVariablesAsMap()).containsEntry("repairedBy", "noc");
      assertThat(activate(client, id + "-configure")).as("terminated for good").isEmpty();
      client.newCompleteCommand(verify.get(0)).send().join();
      assertThat(activate(client, id + "-report")).hasSize(1);

      assertThat(
              client.newProcessInstanceGetRequest(migrated).send().join().getProcessDefinitionKey())
          .isEqualTo(v2);
      List<ActivatedJob> wait = activate(client, id + "-moved-wait");
      assertThat(wait).hasSize(1);
      assertThat(wait.get(0).getElementId()).isEqualTo("waitLonger");
      client.newCompleteCommand(wait.get(0)).send().join();
      assertThat(activate(client, id + "-moved-then")).hasSize(1);

      assertThat(
              client
                  .newMessageSubscriptionSearchRequest()
                  .filter(f -> f.processInstanceKey(waitingInstance))
                  .send()
                  .join()
                  .items())
          .as("backfilled at load")
          .singleElement()
          .satisfies(s -> assertThat(s.getElementId()).isEqualTo("online"));
    } finally {
      second.close();
    }
  }
}
