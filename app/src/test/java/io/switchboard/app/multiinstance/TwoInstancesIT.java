package io.switchboard.app.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.switchboard.app.SwitchboardApplication;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Beyond one machine (issue 18 item 4): one Switchboard plays the Camunda 8 cluster (its embedded
 * engine serving {@code /v2}, nothing else), and two more run in the {@code camunda} profile in
 * self-managed mode against it over HTTP with HTTP Basic credentials, sharing one MariaDB
 * inventory. An onboarding started on one instance is worked by the other's workers; that instance
 * is killed ({@code SIGKILL}) while it holds a device job, and the first instance takes the job
 * over once its timeout has run out and finishes the onboarding. Nothing either instance kept in
 * memory was needed.
 *
 * <p>Needs MariaDB: {@code -Dswitchboard.it.multi-instance.db-url=jdbc:mysql://127.0.0.1:3306/DB}
 * (a database of its own, emptied first; {@code .ci/run} passes it). Without it the test does not
 * run.
 */
@EnabledIfSystemProperty(named = TwoInstancesIT.DB_URL, matches = ".+")
class TwoInstancesIT {
  static final String DB_URL = "switchboard.it.multi-instance.db-url";
  private static final String ADMIN_PASSWORD = "multi-instance-admin";
  private static final String CLUSTER_PASSWORD = "multi-instance-cluster";
  private static final String CREDENTIALS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final Pattern JOB_STARTS =
      Pattern.compile(
          "Job (\\d+) \\((device\\.(?:push-config|apply-site-config))\\) of process instance (\\d+) starts");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path work = Path.of("target", "multi-instance", UUID.randomUUID().toString());
  private final List<AutoCloseable> running = new ArrayList<>();
  private String deviceId;

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  @Test
  void anOnboardingStartedOnOneInstanceIsWorkedByTheOtherAndSurvivesItsKill() throws Exception {
    int clusterPort = freePort();
    InstanceProcess first = instance("instance-1", clusterPort);
    InstanceProcess second = instance("instance-2", clusterPort);
    ConfigurableApplicationContext cluster = cluster(clusterPort);
    await("both instances ready (log in " + work + ")")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> first.isReady() && second.isReady());

    // registered and started through the first instance; its dispatcher starts the process
    String serial = "MI" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String operation = startOnboarding(first, serial);
    JsonNode started =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> get(first, "/api/v1/operations/" + operation),
                o -> o.hasNonNull("processInstanceKey"));
    String instanceKey = started.get("processInstanceKey").asText();

    // the first instance freezes; the device phones home to the second, whose workers take over
    first.pause();
    SimulatedFleet fleet =
        SimulatedFleet.builder()
            .serials(serial)
            .basePort(0)
            .softwareVersion("21.4R3-S5.4")
            .credentials("admin", "admin123")
            .phoneHome(second.baseUrl())
            .activationSecrets(s -> "activate-" + s)
            .faults("slow-responses=1.0")
            .slowResponseDelay(Duration.ofMillis(600))
            .start();
    running.add(fleet::close);

    // the second instance holds a device job (each of the device's replies takes 0.6 s): kill it
    Matcher held =
        await("a device job of instance " + instanceKey + " started on instance-2")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> deviceJobStarted(second.log(), instanceKey), m -> m != null);
    second.kill();
    String jobKey = held.group(1);
    first.resume();

    JsonNode done =
        await("the onboarding ends on instance-1")
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> get(first, "/api/v1/operations/" + operation),
                o -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(o.get("state").asText()));

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    // the job the killed instance held came back to the survivor (same key: nothing lost)
    assertThat(first.log())
        .contains(
            "Job "
                + jobKey
                + " ("
                + held.group(2)
                + ") of process instance "
                + instanceKey
                + " starts");
    JsonNode device = get(first, "/api/v1/devices/" + deviceId);
    assertThat(device.get("lifecycleState").asText()).isEqualTo("ACTIVE");
    assertThat(fleet.device(serial).runningConfig()).contains("multi-" + serial.toLowerCase());
    // exactly one process ran for the operation, and it completed on the cluster
    CamundaClient engine = cluster.getBean(CamundaClient.class);
    var instances =
        engine
            .newProcessInstanceSearchRequest()
            .filter(
                f ->
                    f.processDefinitionId(ZtpOnboarding.PROCESS_ID)
                        .variables(
                            Map.of(OperationContract.VAR_OPERATION_ID, "\"" + operation + "\"")))
            .send()
            .join()
            .items();
    assertThat(instances).hasSize(1);
    assertThat(instances.get(0).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  private static Matcher deviceJobStarted(String log, String instanceKey) {
    Matcher m = JOB_STARTS.matcher(log);
    while (m.find()) {
      if (m.group(3).equals(instanceKey)) {
        return m;
      }
    }
    return null;
  }

  /** A Switchboard in the camunda profile, self-managed, against the cluster, on MariaDB. */
  private InstanceProcess instance(String name, int clusterPort) throws IOException {
    String cluster = "http://127.0.0.1:" + clusterPort;
    InstanceProcess instance =
        InstanceProcess.start(
            name,
            freePort(),
            work.resolve(name).toAbsolutePath(),
            List.of(
                "--spring.profiles.active=camunda",
                "--spring.datasource.url=" + System.getProperty(DB_URL),
                "--spring.datasource.username="
                    + System.getProperty("switchboard.it.multi-instance.db-user", "root"),
                "--spring.datasource.password="
                    + System.getProperty("switchboard.it.multi-instance.db-password", ""),
                "--camunda.client.mode=self-managed",
                "--camunda.client.rest-address=" + cluster,
                "--camunda.client.grpc-address=" + cluster,
                "--camunda.client.auth.method=basic",
                "--camunda.client.auth.username=admin",
                "--camunda.client.auth.password=" + CLUSTER_PASSWORD,
                "--camunda.client.worker.defaults.name=" + name,
                // a job whose worker died comes back after this (device steps here take a few s)
                "--camunda.client.worker.defaults.timeout=PT12S",
                "--camunda.client.execution-threads=4",
                "--switchboard.security.admin.password=" + ADMIN_PASSWORD,
                "--switchboard.security.credentials-key=" + CREDENTIALS_KEY,
                "--switchboard.hello.enabled=false",
                "--switchboard.operations.poll-interval=PT0.5S",
                "--logging.level.io.switchboard.workers.observability=DEBUG"));
    running.add(instance);
    return instance;
  }

  /** The stand-in for a Camunda 8 cluster: the embedded engine and nothing that works jobs. */
  private ConfigurableApplicationContext cluster(int port) {
    ConfigurableApplicationContext cluster =
        // command-line arguments: they win over application.yml (default properties would not)
        new SpringApplicationBuilder(SwitchboardApplication.class)
            .run(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=jdbc:h2:file:"
                    + work.resolve("cluster/db").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE",
                "--switchboard.data-dir=" + work.resolve("cluster/data").toAbsolutePath(),
                "--switchboard.security.admin.password=" + CLUSTER_PASSWORD,
                "--switchboard.hello.enabled=false",
                "--switchboard.workflows.deploy=false",
                "--switchboard.operations.enabled=false",
                "--camunda.client.worker.defaults.enabled=false");
    running.add(cluster::close);
    return cluster;
  }

  private String startOnboarding(InstanceProcess on, String serial) throws Exception {
    String tenant =
        post(on, "/api/v1/tenants", Map.of("name", "multi-" + serial)).get("id").asText();
    JsonNode models = get(on, "/api/v1/device-models?family=srx").get("items");
    String model =
        models.isEmpty()
            ? post(
                    on,
                    "/api/v1/device-models",
                    Map.of("name", "SRX300", "vendor", "Juniper", "family", "srx"))
                .get("id")
                .asText()
            : models.get(0).get("id").asText();
    JsonNode onboarding =
        post(
            on,
            "/api/v1/onboardings",
            Map.of(
                "tenantId",
                tenant,
                "site",
                Map.of("name", "multi-" + serial.toLowerCase(), "type", "BRANCH"),
                "device",
                Map.of(
                    "serialNumber",
                    serial,
                    "modelId",
                    model,
                    "activationSecret",
                    "activate-" + serial,
                    "credentials",
                    Map.of("username", "admin", "password", "admin123"))));
    deviceId = onboarding.get("deviceId").asText();
    return onboarding.get("operationId").asText();
  }

  private static JsonNode get(InstanceProcess on, String path) throws Exception {
    return send(on, HttpRequest.newBuilder(URI.create(on.baseUrl() + path)).GET(), path);
  }

  private static JsonNode post(InstanceProcess on, String path, Object body) throws Exception {
    return send(
        on,
        HttpRequest.newBuilder(URI.create(on.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
        path);
  }

  private static JsonNode send(InstanceProcess on, HttpRequest.Builder request, String path)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(
            request
                .header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode() / 100)
        .as(on.name() + " " + path + ": " + response.body())
        .isEqualTo(2);
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
