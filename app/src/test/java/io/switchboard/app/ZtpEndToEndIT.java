package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.time.Duration;
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
 * Zero-touch onboarding end to end: REST calls register a site and its CPE and start the operation;
 * a simulated Junos device phones home over HTTP, and Switchboard's workers configure it over real
 * NETCONF until it runs the site configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ZtpEndToEndIT {
  private static final int PORT = EndToEndApi.freePort();

  @Autowired TestRestTemplate rest;
  EndToEndApi api;
  SimulatedFleet fleet;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
    registry.add("switchboard.images.trusted-keys.e2e", () -> EndToEndApi.TRUSTED_PUBLIC);
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

  private String branchSite(String tenant, String name) {
    return api.create(
        "/api/v1/sites",
        Map.of(
            "tenantId",
            tenant,
            "name",
            name,
            "type",
            "BRANCH",
            "targetSoftwareVersion",
            "21.4R3-S5.4"));
  }

  private String cpe(String tenant, String site, String serial) {
    return api.create(
        "/api/v1/devices",
        Map.of(
            "tenantId",
            tenant,
            "siteId",
            site,
            "serialNumber",
            serial,
            "modelId",
            api.srx300(),
            "credentials",
            Map.of("username", "admin", "password", "admin123"),
            "activationSecret",
            "activate-" + serial));
  }

  private JsonNode onboarding(String device) {
    return api.call(
        HttpMethod.POST,
        "/api/v1/operations",
        Map.of("type", ZtpOnboarding.PROCESS_ID, "target", Map.of("kind", "DEVICE", "id", device)));
  }

  /** Power on: the factory-default device phones home to Switchboard. */
  private SimulatedDevice powerOn(String serial) {
    fleet =
        SimulatedFleet.builder()
            .serials(serial)
            .basePort(0)
            .softwareVersion("21.4R3-S5.4")
            .credentials("admin", "admin123")
            .phoneHome("http://localhost:" + PORT)
            .activationSecrets(s -> "activate-" + s)
            .start();
    return fleet.device(serial);
  }

  @Test
  void registeredDeviceOnboardsWithZeroTouchAndRunsTheSiteConfiguration() {
    String serial = "CW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String tenant = api.create("/api/v1/tenants", Map.of("name", "e2e-" + serial));
    String site = branchSite(tenant, "paris-" + serial.toLowerCase());
    String device = cpe(tenant, site, serial);
    JsonNode operation = onboarding(device);

    // power on: the factory-default device phones home to Switchboard
    SimulatedDevice cpe = powerOn(serial);

    JsonNode done = api.awaitEnded(operation.get("id").asText());

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    JsonNode registered = api.call(HttpMethod.GET, "/api/v1/devices/" + device, null);
    assertThat(registered.get("lifecycleState").asText()).isEqualTo("ACTIVE");
    assertThat(registered.get("softwareVersion").asText()).isEqualTo("21.4R3-S5.4");
    assertThat(registered.get("sshHostKeyFingerprint").asText())
        .isEqualTo(cpe.hostKeyFingerprint());
    assertThat(
            api.call(HttpMethod.GET, "/api/v1/sites/" + site, null).get("lifecycleState").asText())
        .isEqualTo("ACTIVE");
    String running = cpe.runningConfig();
    assertThat(running)
        .contains("paris-" + serial.toLowerCase())
        .contains("ge-0/0/1")
        .contains("192.168.1.1/24");
  }

  @Test
  void onboardingRendersTheSitesWanLinksAndLanSegmentsAndIntendsThem() {
    String serial = "CN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String tenant = api.create("/api/v1/tenants", Map.of("name", "e2e-" + serial));
    String site = branchSite(tenant, "lyon-" + serial.toLowerCase());
    api.create(
        "/api/v1/sites/" + site + "/wan-links",
        Map.of(
            "interfaceName", "ge-0/0/0",
            "accessType", "INTERNET",
            "addressing", "STATIC",
            "address", "203.0.113.10/29",
            "gateway", "203.0.113.9",
            "pathLabel", "internet",
            "priority", 1));
    api.create(
        "/api/v1/sites/" + site + "/wan-links",
        Map.of(
            "interfaceName",
            "ge-0/0/2",
            "accessType",
            "LTE",
            "addressing",
            "DHCP",
            "pathLabel",
            "lte",
            "priority",
            2));
    api.create(
        "/api/v1/sites/" + site + "/lan-segments",
        Map.of("name", "users", "vlanId", 10, "prefix", "10.1.10.0/24", "dhcp", true));
    api.create(
        "/api/v1/sites/" + site + "/lan-segments",
        Map.of("name", "voice", "vlanId", 20, "prefix", "10.1.20.0/24", "dhcp", false));
    String device = cpe(tenant, site, serial);
    JsonNode operation = onboarding(device);
    SimulatedDevice cpe = powerOn(serial);

    JsonNode done = api.awaitEnded(operation.get("id").asText());

    // the device committed the site's network (its commit check accepted it) ...
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(SetCommands.render(cpe.runningConfiguration()).lines())
        .contains(
            "set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.10/29",
            "set routing-options static route 0.0.0.0/0 next-hop 203.0.113.9",
            "set interfaces ge-0/0/2 unit 0 family inet dhcp",
            "set interfaces ge-0/0/1 vlan-tagging",
            "set interfaces ge-0/0/1 unit 10 vlan-id 10",
            "set interfaces ge-0/0/1 unit 10 family inet address 10.1.10.1/24",
            "set interfaces ge-0/0/1 unit 20 family inet address 10.1.20.1/24",
            "set access address-assignment pool lan-users family inet network 10.1.10.0/24",
            "set system services dhcp-local-server group lan-users interface ge-0/0/1.10")
        .doesNotContain("set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24");
    // ... and intends it: a compliance check right after onboarding finds nothing extra
    JsonNode check =
        api.call(HttpMethod.POST, "/api/v1/devices/" + device + "/compliance-checks", null);
    assertThat(api.awaitEnded(check.get("id").asText()).get("state").asText())
        .isEqualTo("COMPLETED");
    JsonNode report = api.call(HttpMethod.GET, "/api/v1/devices/" + device + "/compliance", null);
    assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("IN_SYNC");
  }

  @Test
  void deviceOnAnOlderVersionIsUpgradedDuringOnboarding() throws Exception {
    String serial = "CW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    api.uploadImage("23.4R1.9", serial);

    String tenant = api.create("/api/v1/tenants", Map.of("name", "e2e-" + serial));
    String site =
        api.create(
            "/api/v1/sites",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "lyon-" + serial.toLowerCase(),
                "type",
                "BRANCH",
                "targetSoftwareVersion",
                "23.4R1.9"));
    String model = api.srx300();
    // no secret given: Switchboard generates one and returns it once, for the device to present
    JsonNode registered =
        api.call(
            HttpMethod.POST,
            "/api/v1/devices",
            Map.of(
                "tenantId",
                tenant,
                "siteId",
                site,
                "serialNumber",
                serial,
                "modelId",
                model,
                "credentials",
                Map.of("username", "admin", "password", "admin123")));
    String device = registered.get("id").asText();
    String activationSecret = registered.get("activationSecret").asText();
    JsonNode operation =
        api.call(
            HttpMethod.POST,
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
            .model("srx300")
            .credentials("admin", "admin123")
            .activationSecrets(s -> activationSecret)
            .phoneHome("http://localhost:" + PORT)
            .rebootDelay(Duration.ofSeconds(2))
            .start();

    JsonNode done = api.awaitEnded(operation.get("id").asText());
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(fleet.device(serial).softwareVersion()).isEqualTo("23.4R1.9");
    assertThat(
            api.call(HttpMethod.GET, "/api/v1/devices/" + device, null)
                .get("softwareVersion")
                .asText())
        .isEqualTo("23.4R1.9");
  }

  @Test
  void aStandaloneUpgradeCompletesAndOneWithoutAnImageFailsWithAReadableReason() throws Exception {
    String serial = "CW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    api.uploadImage("24.2R1.3", serial);
    String tenant = api.create("/api/v1/tenants", Map.of("name", "e2e-" + serial));
    JsonNode onboarding =
        api.call(
            HttpMethod.POST,
            "/api/v1/onboardings",
            Map.of(
                "tenantId",
                tenant,
                "site",
                Map.of("name", "nantes-" + serial.toLowerCase(), "type", "BRANCH"),
                "device",
                Map.of(
                    "serialNumber",
                    serial,
                    "modelId",
                    api.srx300(),
                    "activationSecret",
                    "activate-" + serial,
                    "credentials",
                    Map.of("username", "admin", "password", "admin123"))));
    fleet =
        SimulatedFleet.builder()
            .serials(serial)
            .basePort(0)
            .softwareVersion("21.4R3-S5.4")
            .model("srx300")
            .credentials("admin", "admin123")
            .phoneHome("http://localhost:" + PORT)
            .activationSecrets(s -> "activate-" + s)
            .rebootDelay(Duration.ofSeconds(2))
            .start();
    assertThat(api.awaitEnded(onboarding.get("operationId").asText()).get("state").asText())
        .isEqualTo("COMPLETED");
    String device = onboarding.get("deviceId").asText();

    JsonNode upgrade =
        api.call(
            HttpMethod.POST,
            "/api/v1/devices/" + device + "/upgrade",
            Map.of("targetSoftwareVersion", "24.2R1.3"));
    JsonNode upgraded = api.awaitEnded(upgrade.get("operationId").asText());

    assertThat(upgraded.get("state").asText()).as(upgraded.toString()).isEqualTo("COMPLETED");
    assertThat(fleet.device(serial).softwareVersion()).isEqualTo("24.2R1.3");
    assertThat(
            api.call(HttpMethod.GET, "/api/v1/devices/" + device, null)
                .get("softwareVersion")
                .asText())
        .isEqualTo("24.2R1.3");

    JsonNode noImage =
        api.call(
            HttpMethod.POST,
            "/api/v1/devices/" + device + "/upgrade",
            Map.of("targetSoftwareVersion", "99.9R9"));
    JsonNode failed = api.awaitEnded(noImage.get("operationId").asText());

    assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("FAILED");
    assertThat(failed.get("error").asText()).contains("99.9R9").doesNotContain("Exception");
    assertThat(fleet.device(serial).softwareVersion()).isEqualTo("24.2R1.3");
  }
}
