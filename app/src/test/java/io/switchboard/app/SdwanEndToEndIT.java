package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.sdwan.UnderlayAddresses;
import io.switchboard.devices.sdwan.VpnStatus;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SD-WAN end to end: three simulated CPEs onboard with zero touch, their sites get WAN links and
 * LAN segments over REST, a hub-and-spoke overlay is rolled out as an operation, and the tunnels
 * are up on both ends of every simulated device; a re-rollout changes nothing; another tenant sees
 * none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SdwanEndToEndIT {
  private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
  private static final int PORT = freePort();
  private static final String ADMIN_PASSWORD = "e2e-admin-password";
  private static final String PASSWORD = "correct horse battery staple";

  @Autowired TestRestTemplate rest;
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

  private ResponseEntity<JsonNode> exchange(
      String user, String password, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private JsonNode call(HttpMethod method, String path, Object body) {
    var response = exchange("admin", ADMIN_PASSWORD, method, path, body);
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as(method + " " + path + ": " + response.getBody())
        .isTrue();
    return response.getBody();
  }

  private String create(String path, Map<String, Object> body) {
    return call(HttpMethod.POST, path, body).get("id").asText();
  }

  private JsonNode finished(String operationId, int seconds) {
    return await()
        .atMost(Duration.ofSeconds(seconds))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> call(HttpMethod.GET, "/api/v1/operations/" + operationId, null),
            o -> FINAL.contains(o.get("state").asText()));
  }

  @Test
  void aHubAndSpokeOverlayRollsOutToSimulatedDevicesAndAnotherTenantSeesNoneOfIt() {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials = List.of("HB" + tag + "01", "SP" + tag + "02", "SP" + tag + "03");
    String tenant = create("/api/v1/tenants", Map.of("name", "sdwan-" + tag));
    String other = create("/api/v1/tenants", Map.of("name", "other-" + tag));
    JsonNode models = call(HttpMethod.GET, "/api/v1/device-models?family=srx", null).get("items");
    String model =
        models.isEmpty()
            ? create(
                "/api/v1/device-models",
                Map.of("name", "SRX300", "vendor", "Juniper", "family", "srx"))
            : models.get(0).get("id").asText();

    List<String> sites = new ArrayList<>();
    List<String> operations = new ArrayList<>();
    for (int i = 0; i < serials.size(); i++) {
      String[] registered = register(tenant, model, serials.get(i), i == 0 ? "HUB" : "BRANCH", i);
      sites.add(registered[0]);
      operations.add(registered[1]);
    }
    fleet =
        SimulatedFleet.builder()
            .serials(serials)
            .basePort(0)
            .credentials("admin", "admin123")
            .phoneHome("http://localhost:" + PORT)
            .activationSecrets(s -> "activate-" + s)
            .start();
    for (String op : operations) {
      assertThat(finished(op, 120).get("state").asText()).isEqualTo("COMPLETED");
    }

    String overlay =
        overlay(
            tenant,
            "corp",
            "HUB_SPOKE",
            List.of(sites.get(0)),
            sites.subList(1, 3),
            "10.255.0.0/24");
    JsonNode done = rollout(overlay, 120);
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");

    JsonNode read = call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null);
    assertThat(read.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(read.get("tunnels")).hasSize(2);
    read.get("tunnels").forEach(t -> assertThat(t.get("state").asText()).isEqualTo("UP"));
    assertThat(read.toString()).doesNotContainIgnoringCase("preSharedKey");
    SimulatedDevice hub = fleet.device(serials.get(0));
    assertThat(hub.vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
    for (String serial : serials.subList(1, 3)) {
      assertThat(fleet.device(serial).vpnStatus()).hasSize(1).allMatch(VpnStatus::up);
      assertThat(fleet.device(serial).runningConfig()).contains("192.168.10.0/24");
    }

    // an unchanged overlay rolled out again changes nothing on any device
    List<Integer> commits =
        serials.stream().map(s -> fleet.device(s).commitHistory().size()).toList();
    assertThat(rollout(overlay, 60).get("state").asText()).isEqualTo("COMPLETED");
    assertThat(serials.stream().map(s -> fleet.device(s).commitHistory().size()).toList())
        .isEqualTo(commits);

    // a spoke leaves: its overlay configuration goes, the hub keeps only the other spoke's tunnel
    String leaving = sites.get(2);
    String leave =
        call(HttpMethod.DELETE, "/api/v1/overlays/" + overlay + "/sites/" + leaving, null)
            .get("operationId")
            .asText();
    JsonNode left = finished(leave, 60);
    assertThat(left.get("state").asText()).as(left.toString()).isEqualTo("COMPLETED");
    assertThat(fleet.device(serials.get(2)).vpnStatus()).isEmpty();
    assertThat(fleet.device(serials.get(2)).runningConfig()).doesNotContain("sdwan-t");
    assertThat(hub.vpnStatus()).hasSize(1).allMatch(VpnStatus::up);
    assertThat(hub.runningConfig()).doesNotContain("192.168.12.0/24");
    // the other spoke no longer routes to the departed site's prefixes (through the hub)
    assertThat(fleet.device(serials.get(1)).runningConfig())
        .contains("192.168.10.0/24")
        .doesNotContain("192.168.12.0/24");
    assertThat(call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null).get("tunnels")).hasSize(1);

    // a join its device refuses fails only the member: the hub is rolled back, the overlay ACTIVE
    fleet.device(serials.get(2)).injectFault(Fault.COMMIT_FAILURE);
    JsonNode refusedOp = join(overlay, leaving);
    assertThat(refusedOp.get("state").asText()).as(refusedOp.toString()).isEqualTo("FAILED");
    JsonNode afterRefusal = call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null);
    assertThat(afterRefusal.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(afterRefusal.get("siteIds")).extracting(JsonNode::asText).doesNotContain(leaving);
    JsonNode failedMember = member(afterRefusal, leaving);
    assertThat(failedMember.get("state").asText()).isEqualTo("JOIN_FAILED");
    assertThat(failedMember.get("reason").asText()).isNotBlank().doesNotContain("Exception");
    assertThat(afterRefusal.get("tunnels")).hasSize(1);
    assertThat(hub.vpnStatus()).hasSize(1).allMatch(VpnStatus::up);
    assertThat(fleet.device(serials.get(2)).vpnStatus()).isEmpty();
    fleet.device(serials.get(2)).clearFaults();

    // and joins again: its number is reused, both ends up
    JsonNode joined = join(overlay, leaving);
    assertThat(joined.get("state").asText()).as(joined.toString()).isEqualTo("COMPLETED");
    assertThat(hub.vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
    assertThat(fleet.device(serials.get(2)).vpnStatus()).hasSize(1).allMatch(VpnStatus::up);
    // and the other spoke routes to it again
    assertThat(fleet.device(serials.get(1)).runningConfig()).contains("192.168.12.0/24");
    assertThat(call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null).get("tunnels"))
        .extracting(t -> t.get("number").asInt())
        .containsExactly(1, 2);

    // a new branch onboarded by ZTP ends by joining its tenant's only active overlay, and the
    // other spokes route to it
    String fourth = "SP" + tag + "04";
    String[] added = register(tenant, model, fourth, "BRANCH", 3);
    fleet.addDevice(fourth);
    JsonNode onboarded = finished(added[1], 120);
    assertThat(onboarded.get("state").asText()).as(onboarded.toString()).isEqualTo("COMPLETED");
    JsonNode grown = call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null);
    assertThat(grown.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(grown.get("siteIds")).extracting(JsonNode::asText).contains(added[0]);
    assertThat(member(grown, added[0]).get("state").asText()).isEqualTo("ACTIVE");
    assertThat(grown.get("tunnels")).hasSize(3);
    grown.get("tunnels").forEach(t -> assertThat(t.get("state").asText()).isEqualTo("UP"));
    assertThat(fleet.device(fourth).vpnStatus()).hasSize(1).allMatch(VpnStatus::up);
    assertThat(hub.vpnStatus()).hasSize(3).allMatch(VpnStatus::up);
    assertThat(fleet.device(serials.get(1)).runningConfig()).contains("192.168.13.0/24");

    // a second overlay, a full mesh of the two spokes: its tunnel (number 1 in its own overlay)
    // takes an st0 unit free on both devices (the first overlay holds st0.1 and st0.2 there),
    // and both overlays stay up
    String second =
        overlay(tenant, "branches", "FULL_MESH", List.of(), sites.subList(1, 3), "10.254.0.0/24");
    JsonNode secondDone = rollout(second, 60);
    assertThat(secondDone.get("state").asText()).as(secondDone.toString()).isEqualTo("COMPLETED");
    JsonNode mesh = call(HttpMethod.GET, "/api/v1/overlays/" + second, null);
    assertThat(mesh.get("tunnels")).hasSize(1);
    assertThat(mesh.get("tunnels").get(0).get("number").asInt()).isEqualTo(1);
    assertThat(mesh.get("tunnels").get(0).get("st0Unit").asInt()).isEqualTo(3);
    assertThat(call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null).get("tunnels"))
        .extracting(t -> t.get("st0Unit").asInt())
        .containsExactly(1, 2, 3);
    for (String serial : serials.subList(1, 3)) {
      assertThat(fleet.device(serial).vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
      assertThat(fleet.device(serial).runningConfig()).contains("st0.3", "10.254.0.");
    }
    assertThat(hub.vpnStatus()).hasSize(3).allMatch(VpnStatus::up);

    // another tenant's admin sees none of it
    String stranger = "stranger-" + tag.toLowerCase();
    call(
        HttpMethod.POST,
        "/api/v1/users",
        Map.of(
            "username", stranger, "password", PASSWORD, "role", "TENANT_ADMIN", "tenantId", other));
    assertThat(
            exchange(stranger, PASSWORD, HttpMethod.GET, "/api/v1/overlays/" + overlay, null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            exchange(stranger, PASSWORD, HttpMethod.GET, "/api/v1/overlays", null)
                .getBody()
                .get("items"))
        .isEmpty();
    assertThat(
            exchange(
                    stranger,
                    PASSWORD,
                    HttpMethod.GET,
                    "/api/v1/sites/" + sites.get(0) + "/wan-links",
                    null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            exchange(
                    stranger,
                    PASSWORD,
                    HttpMethod.POST,
                    "/api/v1/overlays/" + overlay + "/rollout",
                    null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  /**
   * Registers a site with its CPE (WAN link where the simulator's DHCP uplink is reached, LAN
   * 192.168.(10+n).0/24) and starts its ZTP onboarding; returns the site id and the operation id.
   */
  private String[] register(String tenant, String model, String serial, String type, int n) {
    String site =
        create(
            "/api/v1/sites",
            Map.of("tenantId", tenant, "name", "site-" + serial.toLowerCase(), "type", type));
    String device =
        create(
            "/api/v1/devices",
            Map.of(
                "tenantId", tenant,
                "siteId", site,
                "serialNumber", serial,
                "modelId", model,
                "credentials", Map.of("username", "admin", "password", "admin123"),
                "activationSecret", "activate-" + serial));
    String operation =
        call(
                HttpMethod.POST,
                "/api/v1/operations",
                Map.of(
                    "type",
                    ZtpOnboarding.PROCESS_ID,
                    "target",
                    Map.of("kind", "DEVICE", "id", device)))
            .get("id")
            .asText();
    Map<String, Object> link = new HashMap<>();
    link.put("interfaceName", "ge-0/0/0");
    link.put("accessType", "INTERNET");
    link.put("addressing", "DHCP");
    link.put("publicAddress", UnderlayAddresses.learned(serial, "ge-0/0/0"));
    link.put("pathLabel", "internet");
    call(HttpMethod.POST, "/api/v1/sites/" + site + "/wan-links", link);
    call(
        HttpMethod.POST,
        "/api/v1/sites/" + site + "/lan-segments",
        Map.of("name", "lan", "prefix", "192.168." + (10 + n) + ".0/24"));
    return new String[] {site, operation};
  }

  private String overlay(
      String tenant,
      String name,
      String topology,
      List<String> hubs,
      List<String> sites,
      String pool) {
    return create(
        "/api/v1/overlays",
        Map.of(
            "tenantId", tenant,
            "name", name,
            "topology", topology,
            "hubSiteIds", hubs,
            "siteIds", sites,
            "tunnelPool", pool));
  }

  /** Rolls an overlay out and waits for the operation to end. */
  private JsonNode rollout(String overlay, int seconds) {
    String operation =
        call(HttpMethod.POST, "/api/v1/overlays/" + overlay + "/rollout", null)
            .get("operationId")
            .asText();
    return finished(operation, seconds);
  }

  /** Joins a site to an overlay and waits for the operation to end. */
  private JsonNode join(String overlay, String siteId) {
    String operation =
        call(HttpMethod.POST, "/api/v1/overlays/" + overlay + "/sites", Map.of("siteId", siteId))
            .get("operationId")
            .asText();
    return finished(operation, 60);
  }

  private static JsonNode member(JsonNode overlay, String siteId) {
    for (JsonNode m : overlay.get("sites")) {
      if (m.get("siteId").asText().equals(siteId)) {
        return m;
      }
    }
    throw new AssertionError("no member " + siteId + " in " + overlay);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
