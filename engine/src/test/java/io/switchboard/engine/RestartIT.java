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
 * State survives a restart of the application: deployed processes, running instances, jobs, timers
 * and buffered messages all carry on from the database.
 */
class RestartIT {

  private static String databaseUrl() {
    return EngineIT.databaseForRestart("restart");
  }

  private static ConfigurableApplicationContext startApp(String url) {
    return new SpringApplicationBuilder(EngineTestApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Test
  void deploymentsInstancesJobsTimersAndBufferedMessagesSurviveARestart() {
    String url = databaseUrl();
    String id = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    String work = id + "-work";
    String after = id + "-after";
    String message = id + "-msg";
    long jobInstance;
    long timerInstance;
    long messageInstance;
    long activatedJobKey;

    ConfigurableApplicationContext first = startApp(url);
    try (CamundaClient client = EngineIT.newClient(port(first))) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(id)
                  .startEvent()
                  .exclusiveGateway("route")
                  .conditionExpression("= mode = \"message\"")
                  .intermediateCatchEvent("msg")
                  .message(m -> m.name(message).zeebeCorrelationKeyExpression("serial"))
                  .exclusiveGateway("join")
                  .serviceTask("after", t -> t.zeebeJobType(after))
                  .endEvent()
                  .moveToNode("route")
                  .conditionExpression("= mode = \"job\"")
                  .serviceTask("work", t -> t.zeebeJobType(work))
                  .connectTo("join")
                  .moveToNode("route")
                  .conditionExpression("= mode = \"timer\"")
                  .intermediateCatchEvent("wait")
                  .timerWithDuration("PT2S")
                  .connectTo("join")
                  .done(),
              "restart.bpmn")
          .send()
          .join();
      jobInstance = create(client, id, Map.of("mode", "job", "serial", "A"));
      timerInstance = create(client, id, Map.of("mode", "timer", "serial", "B"));
      messageInstance = create(client, id, Map.of("mode", "message", "serial", "C"));
      // activated before the restart with a short timeout: after it, the job must come back
      activatedJobKey =
          client
              .newActivateJobsCommand()
              .jobType(work)
              .maxJobsToActivate(1)
              .timeout(Duration.ofSeconds(1))
              .send()
              .join()
              .getJobs()
              .get(0)
              .getKey();
      client
          .newPublishMessageCommand()
          .messageName(message)
          .correlationKey("D")
          .timeToLive(Duration.ofMinutes(5))
          .variables(Map.of("early", true))
          .send()
          .join();
    } finally {
      first.close();
    }

    ConfigurableApplicationContext second = startApp(url);
    try (CamundaClient client = EngineIT.newClient(port(second))) {
      ActivatedJob job = activateOne(client, work);
      assertThat(job.getKey()).isEqualTo(activatedJobKey);
      client.newCompleteCommand(job).send().join();

      client.newPublishMessageCommand().messageName(message).correlationKey("C").send().join();
      long bufferedInstance = create(client, id, Map.of("mode", "message", "serial", "D"));

      List<Long> reached = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ActivatedJob next = activateOne(client, after);
        reached.add(next.getProcessInstanceKey());
        if (next.getProcessInstanceKey() == bufferedInstance) {
          assertThat(next.getVariablesAsMap()).containsEntry("early", true);
        }
      }
      assertThat(reached)
          .containsExactlyInAnyOrder(jobInstance, timerInstance, messageInstance, bufferedInstance);
    } finally {
      second.close();
    }
  }

  private static long create(CamundaClient client, String id, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(id)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static ActivatedJob activateOne(CamundaClient client, String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .requestTimeout(Duration.ofSeconds(10))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("a job of type " + type).hasSize(1);
    return jobs.get(0);
  }
}
