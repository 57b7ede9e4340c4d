package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upgrade campaign end to end: three onboarded simulated devices, the canary and a second wave,
 * one device whose image download is corrupt; the campaign stays within its budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CampaignEndToEndIT {
  private static final int PORT = EndToEndApi.freePort();

  @Autowired TestRestTemplate rest;
  EndToEndApi api;
  SimulatedFleet fleet;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
    registry.add("switchboard.images.trusted-keys.e2e", () -> EndToEndApi.TRUSTED_PUBLIC);
    // the compliance timer runs often enough to find an out-of-band change within the test
    registry.add("switchboard.compliance.interval", () -> "PT10S");
  }

  @BeforeEach
  void api() {
    api = new EndToEndApi(rest);
  }

  @AfterEach
  void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void aCampaignUpgradesItsWavesAndReportsTheOneDeviceThatFailed() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials = List.of("CA" + tag + "1", "CA" + tag + "2", "CA" + tag + "3");
    api.uploadImage("24.2R1.3", tag);
    String tenant = api.create("/api/v1/tenants", Map.of("name", "campaign-" + tag));
    EndToEndApi.Onboarded onboarded = api.onboard(tenant, PORT, serials);
    fleet = onboarded.fleet();
    List<String> devices = onboarded.deviceIds();
    fleet.device(serials.get(2)).injectFault(Fault.CORRUPT_IMAGE);
    String imageId =
        api.call(HttpMethod.GET, "/api/v1/images?version=24.2R1.3", null)
            .get("items")
            .get(0)
            .get("id")
            .asText();

    JsonNode campaign =
        api.call(
            HttpMethod.POST,
            "/api/v1/upgrade-campaigns",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "to 24.2",
                "imageId",
                imageId,
                "selection",
                Map.of("deviceIds", devices),
                "serial",
                List.of(1, 2),
                "maxFailurePercent",
                50));
    assertThat(campaign.get("waves")).hasSize(2);
    JsonNode operation = api.awaitEnded(campaign.get("campaign").get("operationId").asText());
    assertThat(operation.get("state").asText()).as(operation.toString()).isEqualTo("COMPLETED");

    JsonNode done =
        api.call(
            HttpMethod.GET,
            "/api/v1/upgrade-campaigns/" + campaign.get("campaign").get("id").asText(),
            null);
    assertThat(done.get("campaign").get("state").asText()).isEqualTo("COMPLETED");
    JsonNode wave2 = done.get("waves").get(1).get("devices");
    assertThat(done.get("waves").get(0).get("devices").get(0).get("status").asText())
        .isEqualTo("UPGRADED");
    assertThat(wave2.get(0).get("status").asText()).isEqualTo("UPGRADED");
    assertThat(wave2.get(1).get("status").asText()).isEqualTo("FAILED");
    assertThat(wave2.get(1).get("message").asText()).isNotBlank().doesNotContain("Exception");
    assertThat(fleet.device(serials.get(0)).softwareVersion()).isEqualTo("24.2R1.3");
    assertThat(fleet.device(serials.get(1)).softwareVersion()).isEqualTo("24.2R1.3");
    assertThat(fleet.device(serials.get(2)).softwareVersion()).isEqualTo("21.4R3-S5.4");
  }

  /**
   * A wave over its budget after its first device: with a budget of 0 % and one device at a time,
   * the first device's corrupt image stops the campaign before any other device starts; those keep
   * their version and say NOT_STARTED.
   */
  @Test
  void aWaveOverItsBudgetStartsNoFurtherDevice() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials =
        java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> "WB" + tag + i).toList();
    api.uploadImage("24.2R1.5", tag);
    String tenant = api.create("/api/v1/tenants", Map.of("name", "budget-" + tag));
    EndToEndApi.Onboarded onboarded = api.onboard(tenant, PORT, serials);
    fleet = onboarded.fleet();
    List<String> devices = onboarded.deviceIds();
    fleet.device(serials.get(0)).injectFault(Fault.CORRUPT_IMAGE);
    String imageId =
        api.call(HttpMethod.GET, "/api/v1/images?version=24.2R1.5", null)
            .get("items")
            .get(0)
            .get("id")
            .asText();

    JsonNode campaign =
        api.call(
            HttpMethod.POST,
            "/api/v1/upgrade-campaigns",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "no failure allowed",
                "imageId",
                imageId,
                "selection",
                Map.of("deviceIds", devices),
                "serial",
                List.of(5),
                "maxFailurePercent",
                0,
                "maxParallel",
                1));
    JsonNode operation = api.awaitEnded(campaign.get("campaign").get("operationId").asText());
    assertThat(operation.get("state").asText()).as(operation.toString()).isEqualTo("FAILED");

    JsonNode done =
        api.call(
            HttpMethod.GET,
            "/api/v1/upgrade-campaigns/" + campaign.get("campaign").get("id").asText(),
            null);
    assertThat(done.get("campaign").get("state").asText()).isEqualTo("STOPPED");
    assertThat(done.get("campaign").get("stopReason").asText())
        .contains("1 of 5 devices failed")
        .contains("4 of its devices not started");
    Map<String, String> status = new java.util.HashMap<>();
    done.get("waves")
        .get(0)
        .get("devices")
        .forEach(d -> status.put(d.get("deviceId").asText(), d.get("status").asText()));
    assertThat(status).hasSize(5).containsEntry(devices.get(0), "FAILED");
    for (int i = 1; i < 5; i++) {
      assertThat(status.get(devices.get(i))).as("device %d", i).isEqualTo("NOT_STARTED");
      assertThat(fleet.device(serials.get(i)).softwareVersion())
          .as("device %d", i)
          .isEqualTo("21.4R3-S5.4");
    }
    assertThat(fleet.device(serials.get(0)).softwareVersion()).isEqualTo("21.4R3-S5.4");
  }

  /**
   * The end-to-end test: twenty devices in four waves with one corrupt image download
   * (within budget), then an operator's change on one device found by the next timer run of the
   * compliance check, attributed, and reverted.
   */
  @Test
  void aTwentyDeviceCampaignThenAnOutOfBandChangeFoundByTheNextComplianceRunAndReverted()
      throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials =
        java.util.stream.IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("TW%s%02d", tag, i))
            .toList();
    api.uploadImage("24.2R2.1", tag);
    String tenant = api.create("/api/v1/tenants", Map.of("name", "fleet-" + tag));
    EndToEndApi.Onboarded onboarded = api.onboard(tenant, PORT, serials);
    fleet = onboarded.fleet();
    List<String> devices = onboarded.deviceIds();
    fleet.device(serials.get(7)).injectFault(Fault.CORRUPT_IMAGE);
    String imageId =
        api.call(HttpMethod.GET, "/api/v1/images?version=24.2R2.1", null)
            .get("items")
            .get(0)
            .get("id")
            .asText();

    JsonNode campaign =
        api.call(
            HttpMethod.POST,
            "/api/v1/upgrade-campaigns",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "fleet to 24.2R2",
                "imageId",
                imageId,
                "selection",
                Map.of("deviceIds", devices),
                "serial",
                List.of(1, 5, "50%"),
                "maxFailurePercent",
                20));
    JsonNode operation = api.awaitEnded(campaign.get("campaign").get("operationId").asText());
    assertThat(operation.get("state").asText()).as(operation.toString()).isEqualTo("COMPLETED");
    JsonNode done =
        api.call(
            HttpMethod.GET,
            "/api/v1/upgrade-campaigns/" + campaign.get("campaign").get("id").asText(),
            null);
    List<String> statuses = new java.util.ArrayList<>();
    done.get("waves")
        .forEach(w -> w.get("devices").forEach(d -> statuses.add(d.get("status").asText())));
    assertThat(statuses).hasSize(20);
    assertThat(statuses.stream().filter("UPGRADED"::equals).count()).isEqualTo(19);
    assertThat(statuses.stream().filter("FAILED"::equals).count()).isEqualTo(1);
    assertThat(fleet.device(serials.get(7)).softwareVersion()).isEqualTo("21.4R3-S5.4");

    // an operator changes device 3 by hand; the next timer run finds it and says who
    String changed = devices.get(3);
    java.time.Instant before = java.time.Instant.now();
    fleet
        .device(serials.get(3))
        .changeOutOfBand("alice", "set system location building 7", "by hand");
    JsonNode drift =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    rest.withBasicAuth("admin", EndToEndApi.ADMIN_PASSWORD)
                        .getForEntity("/api/v1/devices/" + changed + "/compliance", JsonNode.class)
                        .getBody(),
                r ->
                    r != null
                        && r.has("checkedAt")
                        && java.time.Instant.parse(r.get("checkedAt").asText()).isAfter(before)
                        && "OUT_OF_SYNC".equals(r.get("status").asText()));
    assertThat(drift.get("lastCommit").get("user").asText()).isEqualTo("alice");
    assertThat(drift.get("lastCommit").get("client").asText()).isEqualTo("cli");
    assertThat(drift.toString()).contains("set system location building 7");
    assertThat(drift.get("operationId").isNull()).as("a timer run is no operation").isTrue();

    JsonNode revert =
        api.call(
            HttpMethod.POST, "/api/v1/devices/" + changed + "/reconcile", Map.of("mode", "REVERT"));
    assertThat(api.awaitEnded(revert.get("id").asText()).get("state").asText())
        .isEqualTo("COMPLETED");
    assertThat(fleet.device(serials.get(3)).runningConfig())
        .doesNotContain("<building>7</building>");
    // a timer run that read the device before the revert may still record after it: the next
    // run settles it
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                api.call(HttpMethod.GET, "/api/v1/devices/" + changed + "/compliance", null)
                    .get("status")
                    .asText(),
            "IN_SYNC"::equals);
  }
}
