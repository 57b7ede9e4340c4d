package io.switchboard.app.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.inventory.device.DeviceRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The firewall preview end to end: a policy built and published over REST is loaded into two
 * simulated SRX candidates over real NETCONF; each answers its own show | compare, a device whose
 * candidate is locked answers its error, and both candidates are left clean. Another tenant sees
 * none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FirewallPreviewEndToEndIT {
  private static final int PORT = freePort();
  private static final String ADMIN_PASSWORD = "e2e-admin-password";

  @Autowired TestRestTemplate rest;
  @Autowired DeviceRepository devices;
  SimulatedFleet fleet;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.security.admin.password", () -> ADMIN_PASSWORD);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.data-dir", () -> "./target/app-it/data-" + UUID.randomUUID());
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @AfterEach
  void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  private FirewallFixture api() {
    return new FirewallFixture(rest, devices, "admin", ADMIN_PASSWORD);
  }

  @Test
  void thePreviewIsEachDevicesOwnCompareAndLeavesEveryCandidateClean() throws Exception {
    FirewallFixture api = api();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    fleet =
        SimulatedFleet.builder()
            .serials("FW1" + suffix, "FW2" + suffix)
            .basePort(0)
            .credentials("admin", "admin123")
            .start();
    String tenant = api.create("/api/v1/tenants", Map.of("name", "fw-" + suffix));
    String site =
        api.create(
            "/api/v1/sites", Map.of("tenantId", tenant, "name", "fw-" + suffix, "type", "BRANCH"));
    String model =
        api.create(
            "/api/v1/device-models",
            Map.of("name", "SRX-" + suffix, "vendor", "Juniper", "family", "srx"));
    SimulatedDevice first = fleet.device("FW1" + suffix);
    SimulatedDevice second = fleet.device("FW2" + suffix);
    String firstId = api.device(tenant, site, model, first);
    String secondId = api.device(tenant, site, model, second);
    api.call(
        HttpMethod.POST,
        "/api/v1/sites/" + site + "/zones",
        Map.of("name", "trust", "interfaces", List.of("ge-0/0/1.0")));
    api.call(
        HttpMethod.POST,
        "/api/v1/sites/" + site + "/zones",
        Map.of("name", "untrust", "interfaces", List.of("ge-0/0/0.0")));
    api.create(
        "/api/v1/address-objects",
        Map.of("tenantId", tenant, "name", "lan", "kind", "PREFIX", "value", "10.1.0.0/16"));
    String policy =
        api.create(
            "/api/v1/firewall-policies",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "office",
                "siteIds",
                List.of(site),
                "rules",
                List.of(
                    Map.of(
                        "name",
                        "allow-web",
                        "fromZones",
                        List.of("trust"),
                        "toZones",
                        List.of("untrust"),
                        "sources",
                        List.of("lan"),
                        "applications",
                        List.of("junos-https"),
                        "action",
                        "PERMIT"),
                    Map.of(
                        "name",
                        "allow-web-again",
                        "fromZones",
                        List.of("trust"),
                        "toZones",
                        List.of("untrust"),
                        "sources",
                        List.of("lan"),
                        "applications",
                        List.of("junos-https"),
                        "action",
                        "PERMIT"))));
    api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/publish", null);
    String runningBefore = first.runningConfig();
    second.config().lock(4242, Datastore.CANDIDATE);

    JsonNode preview =
        api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/preview", null);

    assertThat(preview.get("version").asInt()).isEqualTo(1);
    assertThat(preview.get("findings").get(0).get("kind").asText()).isEqualTo("REDUNDANT");
    assertThat(preview.get("findings").get(0).get("rule").asText()).isEqualTo("allow-web-again");
    assertThat(preview.get("verdictChanges").get(0).get("after").asText()).isEqualTo("PERMIT");
    JsonNode byFirst = null;
    JsonNode bySecond = null;
    for (JsonNode d : preview.get("devices")) {
      if (d.get("deviceId").asText().equals(firstId)) {
        byFirst = d;
      } else if (d.get("deviceId").asText().equals(secondId)) {
        bySecond = d;
      }
    }
    assertThat(byFirst.get("error").isNull()).as(byFirst.toString()).isTrue();
    assertThat(byFirst.get("compare").asText())
        .startsWith("[edit]\n+    security {")
        .contains("+                    policy allow-web {")
        .contains("+                            application junos-https;");
    assertThat(byFirst.get("commands").get(0).asText())
        .isEqualTo("set security zones security-zone trust interfaces ge-0/0/1.0");
    assertThat(bySecond.get("compare").isNull()).isTrue();
    assertThat(bySecond.get("error").asText()).containsIgnoringCase("lock");
    // both candidates are clean, nothing was committed, and the locks are released
    assertThat(first.candidateConfig()).isEqualTo(first.runningConfig());
    assertThat(first.runningConfig()).isEqualTo(runningBefore);
    assertThat(first.config().lockOwner(Datastore.CANDIDATE)).isNull();
    assertThat(second.config().lockOwner(Datastore.CANDIDATE)).isEqualTo(4242);
    assertThat(second.candidateConfig()).doesNotContain("allow-web");

    String stranger = api.create("/api/v1/tenants", Map.of("name", "other-" + suffix));
    api.create(
        "/api/v1/users",
        Map.of(
            "username",
            "fw-viewer-" + suffix,
            "password",
            "correct horse battery staple",
            "role",
            "TENANT_ADMIN",
            "tenantId",
            stranger));
    ResponseEntity<JsonNode> foreign =
        rest.withBasicAuth("fw-viewer-" + suffix, "correct horse battery staple")
            .exchange(
                "/api/v1/firewall-policies/" + policy + "/preview",
                HttpMethod.POST,
                new HttpEntity<>(null, new HttpHeaders()),
                JsonNode.class);
    assertThat(foreign.getStatusCode().value()).isEqualTo(404);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
