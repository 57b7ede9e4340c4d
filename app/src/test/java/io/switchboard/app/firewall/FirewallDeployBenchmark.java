package io.switchboard.app.firewall;

import static io.switchboard.app.BenchmarkFigures.cpuNanos;
import static io.switchboard.app.BenchmarkFigures.machine;
import static io.switchboard.app.BenchmarkFigures.peakHeapMiB;
import static io.switchboard.app.BenchmarkFigures.percentile;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.inventory.device.DeviceRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ops/firewall-bench, not a test (its name keeps it out of the normal run): a 500-rule policy
 * deployed over REST with firewall-policy-deploy to N simulated SRXs over NETCONF (lock, load,
 * commit check, commit confirmed, verify: the rule order from one read and a bounded sample of
 * probes on the first deployment, the moved rule's probe after the move; confirm), then one rule
 * moved and deployed again. Prints wall time, devices/s, per-device p50/p99 (the device's
 * subprocess in the process), CPU, peak heap, cores and load. Run with {@code
 * ops/firewall-bench/run.sh [N ...]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FirewallDeployBenchmark {
  private static final int PORT = freePort();
  private static final int DEVICES = Integer.getInteger("benchmark.devices", 20);
  private static final int RULES = Integer.getInteger("benchmark.rules", 500);
  private static final int BATCH = Integer.getInteger("benchmark.batch", 50);
  private static final String PASSWORD = "bench-admin-password";

  @Autowired TestRestTemplate rest;
  @Autowired DeviceRepository devices;
  @Autowired CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String run = UUID.randomUUID().toString();
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.security.admin.password", () -> PASSWORD);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.data-dir", () -> "./target/bench/data-" + run);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/bench/db-" + run + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  private static List<Map<String, Object>> rules(boolean lastMovedToTop) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (int i = 0; i < RULES; i++) {
      Map<String, Object> r =
          new HashMap<>(
              FirewallFixture.rule(
                  "r" + i,
                  List.of("net-" + i),
                  List.of(i % 2 == 0 ? "junos-https" : "junos-ssh"),
                  i % 3 == 0 ? "DENY" : "PERMIT"));
      r.put("count", true);
      rules.add(r);
    }
    if (lastMovedToTop) {
      rules.add(0, rules.remove(RULES - 1));
    }
    return rules;
  }

  @Test
  void deployThenMoveOneRule() throws Exception {
    FirewallFixture api = new FirewallFixture(rest, devices, "admin", PASSWORD);
    String tenant = api.create("/api/v1/tenants", Map.of("name", "fw-bench"));
    String model =
        api.create(
            "/api/v1/device-models",
            Map.of("name", "SRX300", "vendor", "Juniper", "family", "srx"));
    for (int i = 0; i < RULES; i++) {
      api.create(
          "/api/v1/address-objects",
          Map.of(
              "tenantId",
              tenant,
              "name",
              "net-" + i,
              "kind",
              "PREFIX",
              "value",
              "10." + (i / 250) + "." + (i % 250) + ".0/24"));
    }
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < DEVICES; i++) {
      serials.add(String.format("FWB%05d", i + 1));
    }
    try (SimulatedFleet fleet =
        SimulatedFleet.builder()
            .serials(serials)
            .basePort(0)
            .credentials("admin", "admin123")
            .start()) {
      List<String> sites = new ArrayList<>();
      for (String serial : serials) {
        String site = api.site(tenant, "site-" + serial);
        api.device(tenant, site, model, fleet.device(serial));
        sites.add(site);
      }
      String policy =
          api.create(
              "/api/v1/firewall-policies",
              Map.of("tenantId", tenant, "name", "bench", "siteIds", sites, "rules", rules(false)));
      api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/publish", null);
      measure(api, policy, "deploy " + RULES + " rules", Map.of("version", 1));
      int v2 = api.publish(policy, rules(true));
      measure(api, policy, "move one rule", Map.of("version", v2));
    }
  }

  private void measure(FirewallFixture api, String policy, String what, Map<String, Object> body) {
    Map<String, Object> request = new HashMap<>(body);
    request.put("batchSize", BATCH);
    long cpuBefore = cpuNanos();
    long start = System.nanoTime();
    String operation = api.deploy(policy, request);
    JsonNode done = api.finished(operation, 3600);
    double wall = (System.nanoTime() - start) / 1e9;
    List<Long> perDevice = new ArrayList<>();
    long pi = Long.parseLong(done.get("processInstanceKey").asText());
    for (ElementInstance e :
        client
            .newElementInstanceSearchRequest()
            .filter(
                f ->
                    f.processInstanceKey(pi)
                        .elementId("device")
                        .type(ElementInstanceType.SUB_PROCESS))
            .page(p -> p.limit(10_000))
            .send()
            .join()
            .items()) {
      if (e.getEndDate() != null) {
        perDevice.add(Duration.between(e.getStartDate(), e.getEndDate()).toMillis());
      }
    }
    perDevice.sort(Long::compare);
    System.out.printf(
        "%nFIREWALL BENCHMARK %s: devices=%d rules=%d batch=%d state=%s result=%s%n"
            + "  wall=%.1f s  devices/s=%.2f  per-device p50=%d ms p99=%d ms (%d measured)%n"
            + "  cpu=%.1f s  peak heap=%d MiB  %s%n%n",
        what,
        DEVICES,
        RULES,
        BATCH,
        done.get("state").asText(),
        done.get("result"),
        wall,
        DEVICES / wall,
        percentile(perDevice, 50),
        percentile(perDevice, 99),
        perDevice.size(),
        (cpuNanos() - cpuBefore) / 1e9,
        peakHeapMiB(),
        machine());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
