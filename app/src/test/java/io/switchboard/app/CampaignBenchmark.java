package io.switchboard.app;

import static io.switchboard.app.BenchmarkFigures.cpuNanos;
import static io.switchboard.app.BenchmarkFigures.machine;
import static io.switchboard.app.BenchmarkFigures.peakHeapMiB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ops/campaign-bench: N devices onboarded with zero touch, then one upgrade campaign over all of
 * them with waves {@code [10, "10%", "30%", "60%"]}, no approval, no soak; then one compliance run
 * over the tenant. Prints wall time (and wall time less the simulated reboots: one per wave, the
 * devices of a wave reboot together), devices per minute, process CPU, peak heap, and the
 * compliance run's wall time. Not part of the build: {@code -Dtest=CampaignBenchmark
 * -Dbenchmark.devices=N}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CampaignBenchmark {
  private static final int PORT = EndToEndApi.freePort();
  private static final int DEVICES = Integer.getInteger("benchmark.devices", 20);
  private static final Duration REBOOT = Duration.ofSeconds(1);

  @Autowired TestRestTemplate rest;
  SimulatedFleet fleet;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
    registry.add("switchboard.images.trusted-keys.e2e", () -> EndToEndApi.TRUSTED_PUBLIC);
  }

  @AfterEach
  void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void campaignAndComplianceOverTheFleet() throws Exception {
    EndToEndApi api = new EndToEndApi(rest);
    String tag = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    List<String> serials =
        IntStream.rangeClosed(1, DEVICES).mapToObj(i -> String.format("CB%s%05d", tag, i)).toList();
    api.uploadImage("24.4R1.1", tag);
    String tenant = api.create("/api/v1/tenants", Map.of("name", "bench-" + tag));
    long onboardStart = System.nanoTime();
    EndToEndApi.Onboarded onboarded = api.onboard(tenant, PORT, serials);
    fleet = onboarded.fleet();
    double onboardSeconds = (System.nanoTime() - onboardStart) / 1e9;
    String imageId =
        api.call(HttpMethod.GET, "/api/v1/images?version=24.4R1.1", null)
            .get("items")
            .get(0)
            .get("id")
            .asText();

    long cpuBefore = cpuNanos();
    Instant start = Instant.now();
    JsonNode campaign =
        api.call(
            HttpMethod.POST,
            "/api/v1/upgrade-campaigns",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "bench",
                "imageId",
                imageId,
                "selection",
                Map.of("deviceIds", onboarded.deviceIds()),
                "serial",
                List.of(10, "10%", "30%", "60%"),
                "maxFailurePercent",
                50,
                // a whole wave at once, as before maxParallel: the figures stay comparable
                "maxParallel",
                Math.min(10000, DEVICES)));
    int waves = campaign.get("waves").size();
    JsonNode operation = awaitLong(api, campaign.get("campaign").get("operationId").asText());
    double wall = Duration.between(start, Instant.now()).toMillis() / 1e3;
    double cpu = (cpuNanos() - cpuBefore) / 1e9;
    assertThat(operation.get("state").asText()).as(operation.toString()).isEqualTo("COMPLETED");
    JsonNode done =
        api.call(
            HttpMethod.GET,
            "/api/v1/upgrade-campaigns/" + campaign.get("campaign").get("id").asText(),
            null);
    List<String> statuses = new ArrayList<>();
    done.get("waves")
        .forEach(w -> w.get("devices").forEach(d -> statuses.add(d.get("status").asText())));
    long upgraded = statuses.stream().filter("UPGRADED"::equals).count();

    Instant complianceStart = Instant.now();
    JsonNode check =
        api.call(HttpMethod.POST, "/api/v1/compliance-checks", Map.of("tenantId", tenant));
    JsonNode checked = awaitLong(api, check.get("id").asText());
    double complianceWall = Duration.between(complianceStart, Instant.now()).toMillis() / 1e3;
    assertThat(checked.get("state").asText()).isEqualTo("COMPLETED");

    double withoutReboots = wall - waves * REBOOT.toSeconds();
    System.out.printf(
        "%nCAMPAIGN BENCHMARK: %s devices=%d waves=%d upgraded=%d (onboarding %.1f s)%n"
            + "  campaign wall=%.1f s  without simulated reboots=%.1f s  devices/min=%.0f"
            + "  cpu=%.1f s  peak heap=%d MiB%n"
            + "  compliance run over %d devices: wall=%.1f s  result=%s%n%n",
        machine(),
        DEVICES,
        waves,
        upgraded,
        onboardSeconds,
        wall,
        withoutReboots,
        upgraded / withoutReboots * 60,
        cpu,
        peakHeapMiB(),
        DEVICES,
        complianceWall,
        checked.get("result"));
  }

  private static JsonNode awaitLong(EndToEndApi api, String operationId) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> api.call(HttpMethod.GET, "/api/v1/operations/" + operationId, null),
            o -> EndToEndApi.FINAL.contains(o.get("state").asText()));
  }
}
