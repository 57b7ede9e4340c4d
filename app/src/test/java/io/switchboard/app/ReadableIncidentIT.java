package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker that throws an unexpected exception raises an incident whose message is one sentence a
 * person can read (the exception's message and its root cause's), never a Java stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(ReadableIncidentIT.BrokenWorker.class)
class ReadableIncidentIT {
  private static final int PORT = freePort();
  static final String JOB_TYPE = "test.broken-step";

  @Autowired CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  // imported by this class only (a @TestConfiguration is also found by the suite\'s component scan)
  public static class BrokenWorker {
    @JobWorker(type = JOB_TYPE)
    public void fail() {
      throw new IllegalStateException(
          "Could not read the device's inventory", new ConnectException("Connection refused"));
    }
  }

  @Test
  void anUnexpectedWorkerExceptionBecomesAnIncidentWithOneReadableSentence() {
    String process = "broken-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(process)
                .startEvent()
                .serviceTask("broken", t -> t.zeebeJobType(JOB_TYPE).zeebeJobRetries("1"))
                .endEvent()
                .done(),
            "broken.bpmn")
        .send()
        .join();
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(process)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();

    List<Incident> incidents =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    client
                        .newIncidentSearchRequest()
                        .filter(f -> f.processInstanceKey(key))
                        .send()
                        .join()
                        .items(),
                list -> !list.isEmpty());

    assertThat(incidents.get(0).getErrorMessage())
        .isEqualTo("Could not read the device's inventory: Connection refused")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
