package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Zero-touch onboarding end to end: REST calls register a site and its CPE and start the operation;
 * a simulated Junos device phones home over HTTP, and Switchboard's workers configure it over real
 * NETCONF until it runs the site configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ZtpEndToEndIT {
  private static final java.util.Set<String> FINAL =
      java.util.Set.of("COMPLETED", "FAILED", "CANCELLED");
  private static final int PORT = freePort();
  private static final String ADMIN_PASSWORD = "e2e-admin-password";

  /** An Ed25519 key pair for signing test images (test only). */
  private static final String TRUSTED_PUBLIC =
      "MCowBQYDK2VwAyEA0/vgVFVlpWvUSbUBv/m1LPEpbjXYJnAWKkalLaYMxhU=";

  private static final String TRUSTED_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIMCmyhssYjcFj2B8khxrHnQGOAx+CUUkeKWUzb0Jr3bm";

  @Autowired TestRestTemplate rest;
  SimulatedFleet fleet;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.security.admin.password", () -> ADMIN_PASSWORD);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.images.trusted-keys.e2e", () -> TRUSTED_PUBLIC);
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

  private JsonNode call(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var response =
        rest.withBasicAuth("admin", ADMIN_PASSWORD)
            .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as(method + " " + path + ": " + response.getBody())
        .isTrue();
    return response.getBody();
  }

  /** The catalogue's SRX300 (the simulator reports model "srx300"), created once. */
  private String srx300() {
    JsonNode existing = call(HttpMethod.GET, "/api/v1/device-models?family=srx", null).get("items");
    return existing.isEmpty()
        ? create(
            "/api/v1/device-models", Map.of("name", "SRX300", "vendor", "Juniper", "family", "srx"))
        : existing.get(0).get("id").asText();
  }

  private String create(String path, Map<String, Object> body) {
    return call(HttpMethod.POST, path, body).get("id").asText();
  }

  @Test
  void registeredDeviceOnboardsWithZeroTouchAndRunsTheSiteConfiguration() {
    String serial = "CW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String tenant = create("/api/v1/tenants", Map.of("name", "e2e-" + serial));
    String site =
        create(
            "/api/v1/sites",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "paris-" + serial.toLowerCase(),
                "type",
                "BRANCH",
                "targetSoftwareVersion",
                "21.4R3-S5.4"));
    String model = srx300();
    String device =
        create(
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
                Map.of("username", "admin", "password", "admin123"),
                "activationSecret",
                "activate-" + serial));
    JsonNode operation =
        call(
            HttpMethod.POST,
            "/api/v1/operations",
            Map.of(
                "type",
                ZtpOnboarding.PROCESS_ID,
                "target",
                Map.of("kind", "DEVICE", "id", device)));

    // power on: the factory-default device phones home to Switchboard
    fleet =
        SimulatedFleet.builder()
            .serials(serial)
            .basePort(0)
            .softwareVersion("21.4R3-S5.4")
            .credentials("admin", "admin123")
            .phoneHome("http://localhost:" + PORT)
            .activationSecrets(s -> "activate-" + s)
            .start();
    SimulatedDevice cpe = fleet.device(serial);

    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    call(
                        HttpMethod.GET, "/api/v1/operations/" + operation.get("id").asText(), null),
                o -> FINAL.contains(o.get("state").asText()));

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    JsonNode registered = call(HttpMethod.GET, "/api/v1/devices/" + device, null);
    assertThat(registered.get("lifecycleState").asText()).isEqualTo("ACTIVE");
    assertThat(registered.get("softwareVersion").asText()).isEqualTo("21.4R3-S5.4");
    assertThat(registered.get("sshHostKeyFingerprint").asText())
        .isEqualTo(cpe.hostKeyFingerprint());
    assertThat(call(HttpMethod.GET, "/api/v1/sites/" + site, null).get("lifecycleState").asText())
        .isEqualTo("ACTIVE");
    String running = cpe.runningConfig();
    assertThat(running)
        .contains("paris-" + serial.toLowerCase())
        .contains("ge-0/0/1")
        .contains("192.168.1.1/24");
  }

  @Test
  void deviceOnAnOlderVersionIsUpgradedDuringOnboarding() throws Exception {
    String serial = "CW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    uploadImage("23.4R1.9", serial);

    String tenant = create("/api/v1/tenants", Map.of("name", "e2e-" + serial));
    String site =
        create(
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
    String model = srx300();
    // no secret given: Switchboard generates one and returns it once, for the device to present
    JsonNode registered =
        call(
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
        call(
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

    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    call(
                        HttpMethod.GET, "/api/v1/operations/" + operation.get("id").asText(), null),
                o -> FINAL.contains(o.get("state").asText()));
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(fleet.device(serial).softwareVersion()).isEqualTo("23.4R1.9");
    assertThat(
            call(HttpMethod.GET, "/api/v1/devices/" + device, null).get("softwareVersion").asText())
        .isEqualTo("23.4R1.9");
  }

  /** Uploads a signed image of {@code version}; {@code salt} makes its bytes unique. */
  private void uploadImage(String version, String salt) throws Exception {
    byte[] image =
        ("simulated junos image " + version + " for " + salt)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var upload = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    upload.add(
        "file",
        new org.springframework.core.io.ByteArrayResource(image) {
          @Override
          public String getFilename() {
            return "junos-srxsme-" + version + ".tgz";
          }
        });
    upload.add("version", version);
    upload.add("modelFamily", "srx");
    upload.add("signature", sign(image));
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    var uploaded =
        rest.withBasicAuth("admin", ADMIN_PASSWORD)
            .postForEntity("/api/v1/images", new HttpEntity<>(upload, multipart), JsonNode.class);
    assertThat(uploaded.getStatusCode().value())
        .as(String.valueOf(uploaded.getBody()))
        .isEqualTo(201);
  }

  private JsonNode awaitEnded(String operationId) {
    return await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> call(HttpMethod.GET, "/api/v1/operations/" + operationId, null),
            o -> FINAL.contains(o.get("state").asText()));
  }

  @Test
  void aStandaloneUpgradeCompletesAndOneWithoutAnImageFailsWithAReadableReason() throws Exception {
    String serial = "CW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    uploadImage("24.2R1.3", serial);
    String tenant = create("/api/v1/tenants", Map.of("name", "e2e-" + serial));
    JsonNode onboarding =
        call(
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
                    srx300(),
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
    assertThat(awaitEnded(onboarding.get("operationId").asText()).get("state").asText())
        .isEqualTo("COMPLETED");
    String device = onboarding.get("deviceId").asText();

    JsonNode upgrade =
        call(
            HttpMethod.POST,
            "/api/v1/devices/" + device + "/upgrade",
            Map.of("targetSoftwareVersion", "24.2R1.3"));
    JsonNode upgraded = awaitEnded(upgrade.get("operationId").asText());

    assertThat(upgraded.get("state").asText()).as(upgraded.toString()).isEqualTo("COMPLETED");
    assertThat(fleet.device(serial).softwareVersion()).isEqualTo("24.2R1.3");
    assertThat(
            call(HttpMethod.GET, "/api/v1/devices/" + device, null).get("softwareVersion").asText())
        .isEqualTo("24.2R1.3");

    JsonNode noImage =
        call(
            HttpMethod.POST,
            "/api/v1/devices/" + device + "/upgrade",
            Map.of("targetSoftwareVersion", "99.9R9"));
    JsonNode failed = awaitEnded(noImage.get("operationId").asText());

    assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("FAILED");
    assertThat(failed.get("error").asText()).contains("99.9R9").doesNotContain("Exception");
    assertThat(fleet.device(serial).softwareVersion()).isEqualTo("24.2R1.3");
  }

  private static String sign(byte[] image) throws Exception {
    java.security.PrivateKey key =
        java.security.KeyFactory.getInstance("Ed25519")
            .generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(
                    java.util.Base64.getDecoder().decode(TRUSTED_PRIVATE)));
    java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update(java.security.MessageDigest.getInstance("SHA-256").digest(image));
    return java.util.Base64.getEncoder().encodeToString(signer.sign());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
