package io.switchboard.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.app.EndToEndApi;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Metrics, log fields and health of a running Switchboard: an onboarding runs end to end against a
 * simulated device, then {@code /actuator/prometheus} shows the engine, NETCONF, phone-home and
 * operation meters moved, and the worker and route log lines carry the operation's fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureObservability(tracing = false)
class ObservabilityIT {
  private static final int PORT = EndToEndApi.freePort();
  private static final String SCRAPE_TOKEN = "scrape-token-for-tests";

  @Autowired TestRestTemplate rest;
  EndToEndApi api;
  @Autowired CamelContext camel;
  SimulatedFleet fleet;
  ListAppender<ILoggingEvent> logs;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
    registry.add("switchboard.metrics.scrape-token", () -> SCRAPE_TOKEN);
    registry.add("switchboard.metrics.operations-refresh", () -> "PT1S");
  }

  @BeforeEach
  void captureLogs() {
    api = new EndToEndApi(rest);
    // the job wrapper's own line, one per job
    ((Logger) LoggerFactory.getLogger("io.switchboard.workers.observability"))
        .setLevel(ch.qos.logback.classic.Level.DEBUG);
    logs = new ListAppender<>();
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stop() {
    root().detachAppender(logs);
    if (fleet != null) {
      fleet.close();
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void prometheusIsForProviderAdminsAndTheScrapeTokenOnly() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(scrape("Bearer wrong-token").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(scrape("Bearer " + SCRAPE_TOKEN).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape("Scrape " + SCRAPE_TOKEN).getStatusCode()).isEqualTo(HttpStatus.OK);
    var asAdmin =
        rest.withBasicAuth("admin", EndToEndApi.ADMIN_PASSWORD)
            .getForEntity("/actuator/prometheus", String.class);
    assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asAdmin.getBody())
        .contains("switchboard_engine_incidents_open")
        .contains("switchboard_engine_batch_commit_seconds")
        .contains("switchboard_netconf_sessions_open");
  }

  @Test
  void readinessAndLivenessGroupsAreUpOnceTheProcessesAreDeployed() {
    JsonNode readiness = rest.getForObject("/actuator/health/readiness", JsonNode.class);
    assertThat(readiness.get("status").asText()).isEqualTo("UP");
    assertThat(
            rest.getForObject("/actuator/health/liveness", JsonNode.class).get("status").asText())
        .isEqualTo("UP");
    JsonNode all =
        rest.withBasicAuth("admin", EndToEndApi.ADMIN_PASSWORD)
            .getForObject("/actuator/health", JsonNode.class);
    assertThat(all.toString()).contains("processes").contains("workflowEngine").contains("db");
  }

  @Test
  void camelCarriesTheLogFieldsOntoItsOwnThreads() throws Exception {
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:mdc-probe")
                .routeId("mdc-probe")
                .threads(1)
                .log("mdc probe on its own thread");
          }
        });
    MDC.put("operationId", "op-probe");
    MDC.put("deviceSerial", "SN-PROBE");
    try {
      camel.createProducerTemplate().requestBody("direct:mdc-probe", "x");
    } finally {
      MDC.clear();
    }
    ILoggingEvent line =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> find("mdc probe on its own thread"), e -> e != null);
    assertThat(line.getThreadName()).isNotEqualTo(Thread.currentThread().getName());
    assertThat(line.getMDCPropertyMap())
        .containsEntry("operationId", "op-probe")
        .containsEntry("deviceSerial", "SN-PROBE");
  }

  private ILoggingEvent find(String message) {
    return List.copyOf(logs.list).stream()
        .filter(e -> e.getFormattedMessage().contains(message))
        .findFirst()
        .orElse(null);
  }

  @Test
  void anOnboardingMovesTheMetricsAndItsLinesCarryTheOperationsFields() {
    String serial = "OB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String tenant = api.create("/api/v1/tenants", Map.of("name", "obs-" + serial));
    String site =
        api.create(
            "/api/v1/sites",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "obs-" + serial.toLowerCase(),
                "type",
                "BRANCH",
                "targetSoftwareVersion",
                "21.4R3-S5.4"));
    JsonNode models =
        api.call(HttpMethod.GET, "/api/v1/device-models?family=srx", null).get("items");
    String model =
        models.isEmpty()
            ? api.create(
                "/api/v1/device-models",
                Map.of("name", "SRX300", "vendor", "Juniper", "family", "srx"))
            : models.get(0).get("id").asText();
    String device =
        api.create(
            "/api/v1/devices",
            Map.of(
                "tenantId", tenant,
                "siteId", site,
                "serialNumber", serial,
                "modelId", model,
                "credentials", Map.of("username", "admin", "password", "admin123"),
                "activationSecret", "activate-" + serial));
    String operation =
        api.create(
            "/api/v1/operations",
            Map.of(
                "type",
                ZtpOnboarding.PROCESS_ID,
                "target",
                Map.of("kind", "DEVICE", "id", device)));
    fleet =
        SimulatedFleet.builder()
            .serials(serial)
            .basePort(0)
            .softwareVersion("21.4R3-S5.4")
            .credentials("admin", "admin123")
            .phoneHome("http://localhost:" + PORT)
            .activationSecrets(s -> "activate-" + s)
            .start();
    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> api.call(HttpMethod.GET, "/api/v1/operations/" + operation, null),
                o -> Set.of("COMPLETED", "FAILED", "CANCELLED").contains(o.get("state").asText()));
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");

    String process = "process=\"" + ZtpOnboarding.PROCESS_ID + "\"";
    String metrics =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> scrape("Bearer " + SCRAPE_TOKEN).getBody(),
                m -> m.contains("switchboard_operations{") && m.contains("state=\"COMPLETED\""));
    assertThat(metrics)
        .containsPattern(
            "switchboard_engine_process_instances_total\\{[^}]*event=\"created\"[^}]*" + process)
        .containsPattern(
            "switchboard_engine_process_instances_total\\{[^}]*event=\"completed\"[^}]*" + process)
        .contains("switchboard_engine_jobs_activatable{")
        .containsPattern("switchboard_engine_job_activation_latency_seconds_count\\{[^}]*type=")
        .contains("switchboard_engine_batch_commands_count")
        .containsPattern("switchboard_netconf_rpc_seconds_count\\{[^}]*outcome=\"success\"")
        .containsPattern("switchboard_phonehome_requests_total\\{[^}]*request=\"bootstrap-data\"")
        .containsPattern("switchboard_phonehome_requests_total\\{[^}]*request=\"progress\"")
        .containsPattern(
            "switchboard_operations\\{[^}]*state=\"COMPLETED\"[^}]*type=\""
                + ZtpOnboarding.PROCESS_ID)
        .contains("switchboard_operations_attention");

    List<ILoggingEvent> lines = List.copyOf(logs.list);
    List<ILoggingEvent> workerLines =
        lines.stream()
            .filter(e -> operation.equals(e.getMDCPropertyMap().get("operationId")))
            .filter(e -> e.getMDCPropertyMap().containsKey("jobType"))
            .toList();
    assertThat(workerLines).as("worker lines with the operation's fields").isNotEmpty();
    assertThat(workerLines.get(0).getMDCPropertyMap())
        .containsEntry("tenantId", tenant)
        .containsEntry("deviceSerial", serial)
        .containsKey("processInstanceKey");
    assertThat(
            lines.stream()
                .filter(e -> e.getLoggerName().contains("PhoneHome"))
                .filter(e -> serial.equals(e.getMDCPropertyMap().get("deviceSerial"))))
        .as("phone-home request lines carry the serial")
        .isNotEmpty();
  }

  private org.springframework.http.ResponseEntity<String> scrape(String authorization) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, authorization);
    return rest.exchange(
        "/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
