package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upgrade campaign end to end: three onboarded simulated devices, the canary and a second wave,
 * one device whose image download is corrupt; the campaign stays within its budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CampaignEndToEndIT {
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
  void aCampaignUpgradesItsWavesAndReportsTheOneDeviceThatFailed() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials = List.of("CA" + tag + "1", "CA" + tag + "2", "CA" + tag + "3");
    uploadImage("24.2R1.3", tag);
    String tenant = create("/api/v1/tenants", Map.of("name", "campaign-" + tag));
    List<String> devices = new java.util.ArrayList<>();
    List<String> onboardings = new java.util.ArrayList<>();
    for (String serial : serials) {
      JsonNode onboarding =
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
                      srx300(),
                      "activationSecret",
                      "activate-" + serial,
                      "credentials",
                      Map.of("username", "admin", "password", "admin123"))));
      devices.add(onboarding.get("deviceId").asText());
      onboardings.add(onboarding.get("operationId").asText());
    }
    fleet =
        SimulatedFleet.builder()
            .serials(serials.toArray(String[]::new))
            .basePort(0)
            .softwareVersion("21.4R3-S5.4")
            .model("srx300")
            .credentials("admin", "admin123")
            .phoneHome("http://localhost:" + PORT)
            .activationSecrets(s -> "activate-" + s)
            .rebootDelay(Duration.ofSeconds(1))
            .start();
    for (String operation : onboardings) {
      assertThat(awaitEnded(operation).get("state").asText()).isEqualTo("COMPLETED");
    }
    fleet.device(serials.get(2)).injectFault(Fault.CORRUPT_IMAGE);
    String imageId =
        call(HttpMethod.GET, "/api/v1/images?version=24.2R1.3", null)
            .get("items")
            .get(0)
            .get("id")
            .asText();

    JsonNode campaign =
        call(
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
    JsonNode operation = awaitEnded(campaign.get("campaign").get("operationId").asText());
    assertThat(operation.get("state").asText()).as(operation.toString()).isEqualTo("COMPLETED");

    JsonNode done =
        call(
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
