package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.sdwan.Impairment;
import io.switchboard.inventory.device.DeviceRepository;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live overlays are measured on a timer: a pulled cable takes its tunnel DOWN and the overlay
 * DEGRADED without anyone asking, an impaired link's loss shows in the tunnel's SLA, and putting
 * the cable back makes the overlay ACTIVE again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SdwanSlaMonitorEndToEndIT {
  private static final int PORT = EndToEndApi.freePort();

  @Autowired TestRestTemplate rest;
  @Autowired DeviceRepository devices;
  HubAndSpoke network;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
    registry.add("switchboard.sdwan.sla-interval", () -> "PT1S");
  }

  @AfterEach
  void stopFleet() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void aPulledCableDegradesTheOverlayAndAnImpairedLinkShowsInItsSlaUntilRepaired() {
    network = HubAndSpoke.start(new EndToEndApi(rest), devices, "M", "monitor", 1, 70);
    String overlay = network.hubAndSpokeOverlay("watched", "10.245.0.0/24");
    JsonNode done = network.rollout(overlay);
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");

    network.spoke().linkDown("ge-0/0/0");
    network.spoke().impair("ge-0/0/1", new Impairment(5, 0, 0));
    JsonNode degraded =
        awaitOverlay(
            overlay,
            o ->
                o.get("state").asText().equals("DEGRADED")
                    && tunnel(o, "mpls").path("sla").path("lossPercent").asDouble(-1) == 5.0);
    assertThat(tunnel(degraded, "internet").get("state").asText()).isEqualTo("DOWN");
    assertThat(tunnel(degraded, "mpls").get("state").asText()).isEqualTo("UP");
    assertThat(degraded.get("failureReason").asText()).contains("internet) down");

    network.spoke().linkUp("ge-0/0/0");
    network.spoke().impair("ge-0/0/1", Impairment.NONE);
    JsonNode repaired =
        awaitOverlay(
            overlay,
            o ->
                o.get("state").asText().equals("ACTIVE")
                    && tunnel(o, "mpls").path("sla").path("lossPercent").asDouble(-1) == 0.0);
    assertThat(repaired.get("tunnels")).allMatch(t -> t.get("state").asText().equals("UP"));
    assertThat(repaired.path("failureReason").asText(null)).isNull();
  }

  private JsonNode awaitOverlay(String overlay, java.util.function.Predicate<JsonNode> condition) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> network.call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null), condition);
  }

  private static JsonNode tunnel(JsonNode overlay, String label) {
    for (JsonNode t : overlay.get("tunnels")) {
      if (t.get("pathLabel").asText().equals(label)) {
        return t;
      }
    }
    throw new AssertionError("no " + label + " tunnel in " + overlay);
  }
}
