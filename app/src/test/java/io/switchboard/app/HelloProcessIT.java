package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.switchboard.app.hello.HelloProcess;
import io.switchboard.app.hello.HelloRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first-run demonstration end to end: the whole application on a real port, the hello process
 * deployed and started with the starter's {@link CamundaClient} over REST against the embedded
 * engine, and completed by the two {@code @JobWorker}s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class HelloProcessIT {
  private static final int PORT = freePort();

  @Autowired CamundaClient client;
  @Autowired HelloRunner helloRunner;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void startupRunCompletesWithBothWorkersVariables() {
    CompletableFuture<Map<String, Object>> result = helloRunner.result().toCompletableFuture();

    await().atMost(Duration.ofSeconds(60)).until(result::isDone);

    assertThat(result.join())
        .containsEntry(HelloProcess.VAR_GREETING, "Hello, Switchboard!")
        .containsEntry(HelloProcess.VAR_COUNT, "Hello, Switchboard!".length());
  }

  @Test
  void helloProcessCompletesWithBothWorkersVariables() {
    client.newDeployResourceCommand().addResourceFromClasspath(HelloProcess.RESOURCE).send().join();

    ProcessInstanceResult instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(HelloProcess.PROCESS_ID)
            .latestVersion()
            .variables(Map.of(HelloProcess.VAR_NAME, "test"))
            .withResult()
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .join();

    assertThat(instance.getVariablesAsMap())
        .containsEntry(HelloProcess.VAR_GREETING, "Hello, test!")
        .containsEntry(HelloProcess.VAR_COUNT, "Hello, test!".length());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }
}
