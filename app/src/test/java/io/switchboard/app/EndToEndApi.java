package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the end-to-end tests share: the application on a free port with its own H2 database, the
 * provider admin's REST calls, onboarding simulated SRX300s through ZTP, and waiting for an
 * operation to end.
 */
public final class EndToEndApi {
  public static final String ADMIN_PASSWORD = "e2e-admin-password";
  static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");

  /** An Ed25519 key pair for signing test images (test only): trust it as {@code e2e}. */
  public static final String TRUSTED_PUBLIC =
      "MCowBQYDK2VwAyEA0/vgVFVlpWvUSbUBv/m1LPEpbjXYJnAWKkalLaYMxhU=";

  private static final String TRUSTED_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIMCmyhssYjcFj2B8khxrHnQGOAx+CUUkeKWUzb0Jr3bm";

  private final TestRestTemplate rest;

  public EndToEndApi(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** The application's port, the client pointed at its embedded engine, a fresh database. */
  public static void properties(DynamicPropertyRegistry registry, int port) {
    registry.add("server.port", () -> port);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + port);
    registry.add("switchboard.security.admin.password", () -> ADMIN_PASSWORD);
    registry.add("switchboard.hello.enabled", () -> "false");
    // measured when a test asks for it (SdwanSlaMonitorEndToEndIT), not behind every test's back
    registry.add("switchboard.sdwan.sla-interval", () -> "PT0S");
    registry.add("switchboard.data-dir", () -> "./target/app-it/data-" + UUID.randomUUID());
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A call as the provider admin that must succeed; answers the body. */
  public JsonNode call(HttpMethod method, String path, Object body) {
    ResponseEntity<JsonNode> response = exchange("admin", ADMIN_PASSWORD, method, path, body);
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as(method + " " + path + ": " + response.getBody())
        .isTrue();
    return response.getBody();
  }

  /** A call as anyone, whatever it answers. */
  public ResponseEntity<JsonNode> exchange(
      String user, String password, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  public String create(String path, Map<String, Object> body) {
    return call(HttpMethod.POST, path, body).get("id").asText();
  }

  /** The catalogue's SRX300 (the simulator reports model "srx300"), created once. */
  String srx300() {
    JsonNode existing = call(HttpMethod.GET, "/api/v1/device-models?family=srx", null).get("items");
    return existing.isEmpty()
        ? create(
            "/api/v1/device-models", Map.of("name", "SRX300", "vendor", "Juniper", "family", "srx"))
        : existing.get(0).get("id").asText();
  }

  /** The named feature of a compliance report ({@code system}, {@code vnf}...). */
  static JsonNode feature(JsonNode report, String name) {
    for (JsonNode feature : report.get("features")) {
      if (feature.get("feature").asText().equals(name)) {
        return feature;
      }
    }
    throw new AssertionError("no feature " + name + " in " + report);
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  JsonNode awaitEnded(String operationId) {
    return awaitEnded(operationId, Duration.ofSeconds(120));
  }

  JsonNode awaitEnded(String operationId, Duration atMost) {
    return await()
        .atMost(atMost)
        // the first look at once: waiting for a thousand operations that have mostly ended
        // already cost half a second each
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> call(HttpMethod.GET, "/api/v1/operations/" + operationId, null),
            o -> FINAL.contains(o.get("state").asText()));
  }

  /** Devices registered for onboarding, their fleet, and the onboarding operations. */
  record Onboarded(List<String> deviceIds, SimulatedFleet fleet) {}

  /**
   * Registers a site and an SRX300 per serial for {@code tenant}, starts the simulated devices
   * (phoning home to the application) and waits until every onboarding completed.
   */
  Onboarded onboard(String tenant, int port, List<String> serials) {
    List<String> devices = new ArrayList<>();
    List<String> onboardings = new ArrayList<>();
    String model = srx300();
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
                      model,
                      "activationSecret",
                      "activate-" + serial,
                      "credentials",
                      Map.of("username", "admin", "password", "admin123"))));
      devices.add(onboarding.get("deviceId").asText());
      onboardings.add(onboarding.get("operationId").asText());
    }
    SimulatedFleet fleet =
        SimulatedFleet.builder()
            .serials(serials.toArray(String[]::new))
            .basePort(0)
            .softwareVersion("21.4R3-S5.4")
            .model("srx300")
            .credentials("admin", "admin123")
            .phoneHome("http://localhost:" + port)
            .activationSecrets(s -> "activate-" + s)
            .rebootDelay(Duration.ofSeconds(1))
            .start();
    // all onboardings run at once: one deadline for the lot, growing with the fleet (a benchmark's
    // thousand devices take minutes together), not two minutes for each
    long deadline =
        System.nanoTime() + Duration.ofSeconds(Math.max(120, serials.size() * 6L / 10)).toNanos();
    for (String operation : onboardings) {
      Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 5_000_000_000L));
      JsonNode ended = awaitEnded(operation, left);
      assertThat(ended.get("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
    }
    return new Onboarded(devices, fleet);
  }

  /** Uploads a signed image of {@code version}; {@code salt} makes its bytes unique. */
  void uploadImage(String version, String salt) throws Exception {
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
}
