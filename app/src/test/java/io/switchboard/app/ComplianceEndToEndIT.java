package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Configuration compliance on the real processes, workers and simulator: two onboarded SRX300s, in
 * sync after onboarding; an operator's out-of-band change found with who made it and which
 * operation wrote the drifted part; a REVERT dry run and the revert; an ADOPT; an unreachable
 * device; another tenant and a tenant operator kept out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureObservability(tracing = false)
class ComplianceEndToEndIT {
  private static final int PORT = EndToEndApi.freePort();

  @Autowired TestRestTemplate rest;
  EndToEndApi api;
  SimulatedFleet fleet;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
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

  private JsonNode report(String deviceId) {
    return api.call(HttpMethod.GET, "/api/v1/devices/" + deviceId + "/compliance", null);
  }

  private JsonNode checkDevice(String deviceId) {
    JsonNode operation =
        api.call(HttpMethod.POST, "/api/v1/devices/" + deviceId + "/compliance-checks", null);
    assertThat(operation.get("type").asText()).isEqualTo("config-compliance");
    JsonNode ended = api.awaitEnded(operation.get("id").asText());
    assertThat(ended.get("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
    return ended;
  }

  private static JsonNode feature(JsonNode report, String name) {
    return EndToEndApi.feature(report, name);
  }

  private static List<String> texts(JsonNode array) {
    return EndToEndApi.texts(array);
  }

  @Test
  void driftIsFoundAttributedRevertedAndAdopted() {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials = List.of("CO" + tag + "1", "CO" + tag + "2");
    String tenant = api.create("/api/v1/tenants", Map.of("name", "compliance-" + tag));
    EndToEndApi.Onboarded onboarded = api.onboard(tenant, PORT, serials);
    fleet = onboarded.fleet();
    String a = onboarded.deviceIds().get(0);
    String b = onboarded.deviceIds().get(1);
    SimulatedDevice deviceA = fleet.device(serials.get(0));
    SimulatedDevice deviceB = fleet.device(serials.get(1));

    // in sync right after onboarding: factory settings are the baseline, not drift
    checkDevice(a);
    JsonNode clean = report(a);
    assertThat(clean.get("status").asText()).as(clean.toString()).isEqualTo("IN_SYNC");
    assertThat(clean.get("lastCommit").get("client").asText()).isEqualTo("netconf");

    // an operator changes A by hand; a tenant-wide check finds it and says who did it
    deviceA.changeOutOfBand(
        "alice",
        "set system location building 7\nset interfaces ge-0/0/1 description patched",
        "moved the rack");
    JsonNode tenantCheck =
        api.call(HttpMethod.POST, "/api/v1/compliance-checks", Map.of("tenantId", tenant));
    JsonNode ended = api.awaitEnded(tenantCheck.get("id").asText());
    assertThat(ended.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(ended.get("result").get("outOfSync").asInt()).isEqualTo(1);
    assertThat(ended.get("result").get("inSync").asInt()).isEqualTo(1);

    JsonNode drift = report(a);
    assertThat(drift.get("status").asText()).isEqualTo("OUT_OF_SYNC");
    assertThat(drift.get("lastCommit").get("user").asText()).isEqualTo("alice");
    assertThat(drift.get("lastCommit").get("client").asText()).isEqualTo("cli");
    assertThat(drift.get("lastCommit").get("comment").asText()).isEqualTo("moved the rack");
    assertThat(drift.get("outOfSyncSince").isNull()).isFalse();
    assertThat(texts(feature(drift, "system").get("extra")))
        .containsExactly("set system location building 7");
    JsonNode interfaces = feature(drift, "interfaces");
    assertThat(texts(interfaces.get("extra")))
        .containsExactly("set interfaces ge-0/0/1 description patched");
    assertThat(texts(interfaces.get("missing")))
        .singleElement()
        .asString()
        .startsWith("set interfaces ge-0/0/1 description lan-");
    JsonNode writer = interfaces.get("lastWrittenBy").get(0);
    assertThat(writer.get("part").asText()).isEqualTo("site");
    JsonNode onboardingOfA =
        api.call(HttpMethod.GET, "/api/v1/operations/" + writer.get("operationId").asText(), null);
    assertThat(onboardingOfA.get("type").asText()).isEqualTo("ztp-onboarding");
    assertThat(onboardingOfA.get("targetId").asText()).isEqualTo(a);
    assertThat(writer.get("processInstanceKey").isNull()).isFalse();
    assertThat(feature(drift, "overlay").get("inSync").asBoolean()).isTrue();
    assertThat(report(b).get("status").asText()).isEqualTo("IN_SYNC");

    JsonNode summary = api.call(HttpMethod.GET, "/api/v1/compliance?tenantId=" + tenant, null);
    assertThat(summary.get("totals").get("OUT_OF_SYNC").asInt()).isEqualTo(1);
    assertThat(summary.get("totals").get("IN_SYNC").asInt()).isEqualTo(1);
    assertThat(summary.get("outOfSync").get(0).get("deviceId").asText()).isEqualTo(a);
    String metrics =
        rest.withBasicAuth("admin", EndToEndApi.ADMIN_PASSWORD)
            .getForObject("/actuator/prometheus", String.class);
    assertThat(metrics)
        .containsPattern("switchboard_compliance_devices\\{[^}]*status=\"OUT_OF_SYNC\"} 1\\.0");

    // another tenant's admin sees nothing of it; a tenant operator may not adopt
    String other = api.create("/api/v1/tenants", Map.of("name", "other-" + tag));
    user("other-" + tag, "TENANT_ADMIN", other);
    assertThat(
            as("other-" + tag, HttpMethod.GET, "/api/v1/devices/" + a + "/compliance", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            as(
                    "other-" + tag,
                    HttpMethod.POST,
                    "/api/v1/devices/" + a + "/reconcile",
                    Map.of("mode", "REVERT"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    user("op-" + tag, "TENANT_OPERATOR", tenant);
    ResponseEntity<JsonNode> refused =
        as(
            "op-" + tag,
            HttpMethod.POST,
            "/api/v1/devices/" + a + "/reconcile",
            Map.of("mode", "ADOPT"));
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> badMode =
        as(
            "op-" + tag,
            HttpMethod.POST,
            "/api/v1/devices/" + a + "/reconcile",
            Map.of("mode", "X"));
    assertThat(badMode.getStatusCode().value()).isEqualTo(400);
    assertThat(badMode.getBody().toString()).contains("mode");

    // REVERT dry run: the device's own diff, nothing changed
    JsonNode dry =
        as(
                "op-" + tag,
                HttpMethod.POST,
                "/api/v1/devices/" + a + "/reconcile",
                Map.of("mode", "REVERT", "dryRun", true))
            .getBody();
    assertThat(texts(dry.get("commands")))
        .contains("delete system location")
        .anyMatch(c -> c.startsWith("set interfaces ge-0/0/1 description lan-"));
    assertThat(dry.get("compare").asText()).contains("location").contains("patched");
    assertThat(deviceA.runningConfig()).contains("<building>7</building>");
    assertThat(deviceA.config().candidateModified()).isFalse();

    // REVERT: pushed back with a confirmed commit, verified, confirmed
    JsonNode revert =
        api.call(HttpMethod.POST, "/api/v1/devices/" + a + "/reconcile", Map.of("mode", "REVERT"));
    assertThat(revert.get("type").asText()).isEqualTo("config-reconcile");
    JsonNode reverted = api.awaitEnded(revert.get("id").asText());
    assertThat(reverted.get("state").asText()).as(reverted.toString()).isEqualTo("COMPLETED");
    assertThat(deviceA.runningConfig())
        .doesNotContain("<building>7</building>")
        .doesNotContain("patched");
    assertThat(deviceA.config().confirmDeadline()).isEmpty();
    assertThat(report(a).get("status").asText()).isEqualTo("IN_SYNC");

    // ADOPT: B's change becomes intended; the next check finds B in sync, and the change stays
    deviceB.changeOutOfBand("bob", "set system location building 9", "new site survey");
    checkDevice(b);
    assertThat(report(b).get("status").asText()).isEqualTo("OUT_OF_SYNC");
    JsonNode adoptDry =
        api.call(
            HttpMethod.POST,
            "/api/v1/devices/" + b + "/reconcile",
            Map.of("mode", "ADOPT", "dryRun", true));
    assertThat(texts(adoptDry.get("commands"))).containsExactly("set system location building 9");
    JsonNode adopt =
        api.call(HttpMethod.POST, "/api/v1/devices/" + b + "/reconcile", Map.of("mode", "ADOPT"));
    assertThat(api.awaitEnded(adopt.get("id").asText()).get("state").asText())
        .isEqualTo("COMPLETED");
    assertThat(deviceB.runningConfig()).contains("<building>9</building>");
    checkDevice(b);
    assertThat(report(b).get("status").asText()).isEqualTo("IN_SYNC");

    // unreachable: reported with the driver's reason; the last commit seen stays
    deviceB.injectFault(Fault.UNREACHABLE);
    checkDevice(b);
    JsonNode unreachable = report(b);
    assertThat(unreachable.get("status").asText()).isEqualTo("UNREACHABLE");
    assertThat(unreachable.get("message").asText()).isNotBlank().doesNotContain("Exception");
    assertThat(unreachable.get("lastCommit").get("user").asText()).isEqualTo("bob");
  }

  private void user(String username, String role, String tenantId) {
    api.call(
        HttpMethod.POST,
        "/api/v1/users",
        Map.of(
            "username",
            username,
            "password",
            "a-long-password-1",
            "role",
            role,
            "tenantId",
            tenantId));
  }

  private ResponseEntity<JsonNode> as(String user, HttpMethod method, String path, Object body) {
    return api.exchange(user, "a-long-password-1", method, path, body);
  }
}
