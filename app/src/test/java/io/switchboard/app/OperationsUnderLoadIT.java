package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hundred onboardings started at once by fifty clients, on the real application with its workers:
 * every request is answered at once without a 5xx, health stays UP, every operation reaches the
 * process's first wait state (waiting for the device to phone home) with no incident, and every
 * process instance belongs to an operation (no orphans). Bounded and on loopback only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OperationsUnderLoadIT {
  private static final int PORT = EndToEndApi.freePort();
  private static final int CLIENTS = 50;
  private static final int ONBOARDINGS = 100;
  private static final String WAITING_FOR_PHONE_HOME = "Phone home or expiry?";

  @Autowired TestRestTemplate rest;
  @Autowired CamundaClient camunda;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
  }

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body) {
    return new EndToEndApi(rest).exchange("admin", EndToEndApi.ADMIN_PASSWORD, method, path, body);
  }

  @Test
  void aHundredOnboardingsAtOnceAllReachTheirFirstWaitStateWithoutAnIncidentOrAnOrphan()
      throws Exception {
    OffsetDateTime since = OffsetDateTime.now().minusSeconds(1);
    String tenant =
        call(HttpMethod.POST, "/api/v1/tenants", Map.of("name", "load-" + UUID.randomUUID()))
            .getBody()
            .get("id")
            .asText();
    String model =
        call(
                HttpMethod.POST,
                "/api/v1/device-models",
                Map.of("name", "SRX300-" + UUID.randomUUID(), "vendor", "Juniper", "family", "srx"))
            .getBody()
            .get("id")
            .asText();

    ConcurrentLinkedQueue<String> health = new ConcurrentLinkedQueue<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    Future<?> healthWatch =
        pool.submit(
            () -> {
              while (loading.get()) {
                ResponseEntity<JsonNode> h = rest.getForEntity("/actuator/health", JsonNode.class);
                health.add(h.getStatusCode().value() + " " + h.getBody().path("status").asText());
              }
            });
    List<Callable<ResponseEntity<JsonNode>>> requests = new ArrayList<>();
    for (int i = 0; i < ONBOARDINGS; i++) {
      String serial = "LD" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
      requests.add(
          () ->
              call(
                  HttpMethod.POST,
                  "/api/v1/onboardings",
                  Map.of(
                      "tenantId",
                      tenant,
                      "site",
                      Map.of("name", "site-" + serial.toLowerCase(), "type", "BRANCH"),
                      "device",
                      Map.of(
                          "serialNumber",
                          serial,
                          "modelId",
                          model,
                          "activationSecret",
                          "load-secret-" + serial,
                          "credentials",
                          Map.of("username", "netconf", "password", "device-secret")))));
    }
    List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
    try {
      for (Future<ResponseEntity<JsonNode>> f : pool.invokeAll(requests)) {
        answers.add(f.get());
      }
    } finally {
      loading.set(false);
      healthWatch.get();
      pool.shutdownNow();
    }

    assertThat(answers)
        .allSatisfy(a -> assertThat(a.getStatusCode().value()).as(a.toString()).isEqualTo(201));
    assertThat(health).isNotEmpty().allMatch(h -> h.equals("200 UP"));
    Set<String> operationIds = new HashSet<>();
    answers.forEach(a -> operationIds.add(a.getBody().get("operationId").asText()));
    assertThat(operationIds).hasSize(ONBOARDINGS);

    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode page =
                  call(HttpMethod.GET, "/api/v1/operations?tenantId=" + tenant + "&size=200", null)
                      .getBody();
              assertThat(page.get("totalItems").asInt()).isEqualTo(ONBOARDINGS);
              for (JsonNode operation : page.get("items")) {
                assertThat(operation.get("state").asText()).isEqualTo("RUNNING");
                assertThat(operation.get("attention").isNull()).as(operation.toString()).isTrue();
                assertThat(operation.get("currentStep").asText()).isEqualTo(WAITING_FOR_PHONE_HOME);
              }
            });

    List<ProcessInstance> instances =
        camunda
            .newProcessInstanceSearchRequest()
            .filter(
                f ->
                    f.processDefinitionId(ZtpOnboarding.PROCESS_ID)
                        .startDate(d -> d.gte(since))
                        .state(ProcessInstanceState.ACTIVE))
            .page(p -> p.limit(500))
            .send()
            .join()
            .items();
    assertThat(instances).hasSize(ONBOARDINGS).noneMatch(ProcessInstance::getHasIncident);
    JsonNode operations =
        call(HttpMethod.GET, "/api/v1/operations?tenantId=" + tenant + "&size=200", null)
            .getBody()
            .get("items");
    Set<String> keysOfOperations = new HashSet<>();
    operations.forEach(o -> keysOfOperations.add(o.get("processInstanceKey").asText()));
    assertThat(instances)
        .allMatch(i -> keysOfOperations.contains(String.valueOf(i.getProcessInstanceKey())));
  }
}
