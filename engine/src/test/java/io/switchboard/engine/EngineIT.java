package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the engine suite: the engine in a Spring Boot app on a random port, driven only through
 * the official Camunda Java client over REST, as a user's application would.
 */
@SpringBootTest(
    classes = EngineTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EngineIT {
  @LocalServerPort protected int port;
  protected CamundaClient client;

  @BeforeEach
  void connectClient() {
    client = newClient(port);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  public static CamundaClient newClient(int port) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + port))
        .grpcAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  /** A process or job type name no other test uses, so tests never see each other's work. */
  /**
   * One database for the whole of a restart test, which starts the application twice on it: the
   * configured one (MariaDB on CI) with its per-context placeholder resolved once, or a new H2
   * file.
   */
  public static String databaseForRestart(String name) {
    String configured = System.getProperty("spring.datasource.url");
    if (configured != null && !configured.isBlank()) {
      return configured.replace("${random.value}", UUID.randomUUID().toString().replace("-", ""));
    }
    return "jdbc:h2:file:"
        + java.nio.file.Path.of("target", "engine-it", name + "-" + UUID.randomUUID())
            .toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected DeploymentEvent deploy(BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  protected ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  protected List<ActivatedJob> activate(String jobType, int max) {
    return client
        .newActivateJobsCommand()
        .jobType(jobType)
        .maxJobsToActivate(max)
        .timeout(Duration.ofMinutes(1))
        .requestTimeout(Duration.ofSeconds(10))
        .send()
        .join()
        .getJobs();
  }

  /** Asserts briefly that no job of a type can be activated. */
  protected List<ActivatedJob> activateNow(String jobType) {
    return client
        .newActivateJobsCommand()
        .jobType(jobType)
        .maxJobsToActivate(10)
        .requestTimeout(Duration.ofMillis(300))
        .send()
        .join()
        .getJobs();
  }

  /** Activates exactly one job of a type, waiting (long polling) until it exists. */
  protected ActivatedJob activateOne(String jobType) {
    List<ActivatedJob> jobs = activate(jobType, 1);
    if (jobs.size() != 1) {
      throw new AssertionError("Expected one job of type " + jobType + " but got " + jobs.size());
    }
    return jobs.get(0);
  }

  protected List<Incident> incidents(long processInstanceKey) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items();
  }

  protected Incident awaitIncident(long processInstanceKey) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> incidents(processInstanceKey), list -> !list.isEmpty())
        .get(0);
  }

  /** The one user task of a process instance, once it is there. */
  protected UserTask awaitUserTask(long processInstanceKey) {
    List<UserTask> tasks =
        Awaitility.await()
            .until(
                () ->
                    client
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(processInstanceKey))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty());
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }
}
