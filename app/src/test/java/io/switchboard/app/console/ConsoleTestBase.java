package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port, shared by the console's tests (one Spring context), with two
 * tenants built through the API: Alpha's device is simulated with its LAN cable pulled (its
 * onboarding raises an incident at the interface check), Beta's device never powers on (its
 * onboarding waits for the phone-home).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ConsoleTestBase {
  static final int PORT = freePort();
  static final String BASE = "http://localhost:" + PORT;
  static final String ADMIN_PASSWORD = "console-admin-password";
  static final String OPERATOR = "alpha-operator";
  static final String OPERATOR_PASSWORD = "alpha-operator-password";
  static final String VIEWER = "beta-viewer";
  static final String VIEWER_PASSWORD = "beta-viewer-password";
  static final String FACTORY_VERSION = "21.4R3-S5.4";
  static final String NEWER_VERSION = "23.4R1.9";

  /** A test-only Ed25519 pair (as in ZtpEndToEndIT); the application trusts the public half. */
  private static final String TRUSTED_PUBLIC =
      "MCowBQYDK2VwAyEA0/vgVFVlpWvUSbUBv/m1LPEpbjXYJnAWKkalLaYMxhU=";

  static final String TRUSTED_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIMCmyhssYjcFj2B8khxrHnQGOAx+CUUkeKWUzb0Jr3bm";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The port the site configuration brings up and the onboarding verifies. */
  static final String LAN_PORT = "ge-0/0/1";

  /** What the tests share, created once per test JVM. */
  record Fixture(
      String alphaTenant,
      String betaTenant,
      String alphaSerial,
      String alphaDevice,
      String alphaOperation,
      String betaDevice,
      String betaOperation) {}

  static Fixture fixture;
  static SimulatedFleet fleet;

  /** The OIDC provider the console's client registration "corp" points at. */
  static final FakeOidcProvider OIDC = new FakeOidcProvider();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> BASE);
    registry.add("camunda.client.grpc-address", () -> BASE);
    registry.add("switchboard.security.admin.password", () -> ADMIN_PASSWORD);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.images.trusted-keys.console", () -> TRUSTED_PUBLIC);
    String client = "spring.security.oauth2.client.";
    registry.add(client + "registration.corp.client-id", () -> FakeOidcProvider.CLIENT_ID);
    registry.add(client + "registration.corp.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
    registry.add(client + "registration.corp.client-name", () -> "Corp SSO");
    registry.add(client + "registration.corp.scope", () -> "openid");
    registry.add(client + "registration.corp.authorization-grant-type", () -> "authorization_code");
    registry.add(
        client + "registration.corp.redirect-uri",
        () -> "{baseUrl}/console/login/oauth2/code/{registrationId}");
    registry.add(client + "provider.corp.authorization-uri", () -> OIDC.base() + "/authorize");
    registry.add(client + "provider.corp.token-uri", () -> OIDC.base() + "/token");
    registry.add(client + "provider.corp.jwk-set-uri", () -> OIDC.base() + "/jwks");
    registry.add(client + "provider.corp.user-name-attribute", () -> "sub");
    registry.add("switchboard.data-dir", () -> "./target/app-it/data-" + UUID.randomUUID());
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  static synchronized Fixture fixture() {
    if (fixture != null) {
      return fixture;
    }
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String opco = create("/api/v1/opcos", Map.of("name", "Console Co " + suffix));
    String alpha = create("/api/v1/tenants", Map.of("name", "Alpha " + suffix, "opcoId", opco));
    String beta = create("/api/v1/tenants", Map.of("name", "Beta " + suffix, "opcoId", opco));
    create(
        "/api/v1/users",
        Map.of(
            "username", OPERATOR,
            "password", OPERATOR_PASSWORD,
            "role", "TENANT_OPERATOR",
            "tenantId", alpha));
    create(
        "/api/v1/users",
        Map.of(
            "username", VIEWER,
            "password", VIEWER_PASSWORD,
            "role", "TENANT_VIEWER",
            "tenantId", beta));
    String model =
        create(
            "/api/v1/device-models",
            Map.of("name", "SRX300", "vendor", "Juniper", "family", "srx"));
    String alphaSerial = "CA" + suffix.toUpperCase() + "01";
    String betaSerial = "CB" + suffix.toUpperCase() + "02";
    uploadImage(NEWER_VERSION);
    // Alpha's site wants a newer version: its onboarding calls the upgrade process on the way
    String alphaDevice = device(alpha, "alpha-paris", NEWER_VERSION, alphaSerial, model);
    String betaDevice = device(beta, "beta-oslo", FACTORY_VERSION, betaSerial, model);
    String alphaOp = onboard(alphaDevice);
    String betaOp = onboard(betaDevice);
    // Alpha's CPE powers on and phones home, but its LAN cable is out: the onboarding's interface
    // check runs out of retries and raises an incident
    fleet =
        SimulatedFleet.builder()
            .serials(alphaSerial)
            .basePort(0)
            .softwareVersion(FACTORY_VERSION)
            .credentials("admin", "admin123")
            .phoneHome(BASE)
            .activationSecrets(s -> "activate-" + s)
            .rebootDelay(Duration.ofSeconds(1))
            .start();
    fleet.device(alphaSerial).linkDown(LAN_PORT);
    Runtime.getRuntime().addShutdownHook(new Thread(fleet::close));
    fixture = new Fixture(alpha, beta, alphaSerial, alphaDevice, alphaOp, betaDevice, betaOp);
    return fixture;
  }

  /** A simulated CPE onboarded through the API to the end (its site made by the onboarding). */
  record Onboarded(String deviceId, String siteId, SimulatedFleet fleet) {}

  /**
   * Registers {@code serial} at a new site {@code siteName} of {@code tenant} with the onboarding
   * API, powers a simulated CPE of that serial on (it phones home) and waits until the onboarding
   * completed. The caller closes the fleet.
   */
  static Onboarded onboardSimulated(String tenant, String siteName, String serial) {
    String model =
        api("GET", "/api/v1/devices/" + fixture().alphaDevice(), null).get("modelId").asText();
    JsonNode onboarding =
        api(
            "POST",
            "/api/v1/onboardings",
            Map.of(
                "tenantId", tenant,
                "site", Map.of("name", siteName, "type", "BRANCH"),
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
    SimulatedFleet simulated =
        SimulatedFleet.builder()
            .serials(serial)
            .basePort(0)
            .softwareVersion(FACTORY_VERSION)
            .credentials("admin", "admin123")
            .phoneHome(BASE)
            .activationSecrets(s -> "activate-" + s)
            .rebootDelay(Duration.ofSeconds(1))
            .start();
    String operation = onboarding.get("operationId").asText();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> api("GET", "/api/v1/operations/" + operation, null).get("state").asText(),
            "COMPLETED"::equals);
    return new Onboarded(
        onboarding.get("deviceId").asText(), onboarding.get("siteId").asText(), simulated);
  }

  /** A branch site of {@code tenant} with one static internet WAN link on ge-0/0/0. */
  static String siteWithLink(String tenant, String name, String address, String gateway) {
    String site =
        create("/api/v1/sites", Map.of("tenantId", tenant, "name", name, "type", "BRANCH"));
    create(
        "/api/v1/sites/" + site + "/wan-links",
        Map.of(
            "interfaceName", "ge-0/0/0",
            "accessType", "INTERNET",
            "addressing", "STATIC",
            "address", address,
            "gateway", gateway,
            "pathLabel", "internet"));
    return site;
  }

  /** Waits until Alpha's onboarding needs attention (its interface check ran out of retries). */
  static JsonNode awaitAttention(String operationId) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> api("GET", "/api/v1/operations/" + operationId, null),
            o -> o.hasNonNull("attention"));
  }

  private static String device(
      String tenant, String siteName, String version, String serial, String model) {
    String site =
        create(
            "/api/v1/sites",
            Map.of(
                "tenantId", tenant,
                "name", siteName,
                "type", "BRANCH",
                "targetSoftwareVersion", version));
    return create(
        "/api/v1/devices",
        Map.of(
            "tenantId", tenant,
            "siteId", site,
            "serialNumber", serial,
            "modelId", model,
            "credentials", Map.of("username", "admin", "password", "admin123"),
            "activationSecret", "activate-" + serial));
  }

  private static String onboard(String device) {
    return create(
        "/api/v1/operations",
        Map.of("type", ZtpOnboarding.PROCESS_ID, "target", Map.of("kind", "DEVICE", "id", device)));
  }

  /** A signed image of {@code version} for the srx family, uploaded as the API takes it. */
  static void uploadImage(String version) {
    try {
      byte[] image =
          ("simulated junos image " + version + " " + UUID.randomUUID())
              .getBytes(StandardCharsets.UTF_8);
      String signature = sign(image);
      String boundary = "console-" + UUID.randomUUID();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      for (String[] field :
          new String[][] {{"version", version}, {"modelFamily", "srx"}, {"signature", signature}}) {
        body.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + field[0]
                    + "\"\r\n\r\n"
                    + field[1]
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + "junos-srxsme-"
                  + version
                  + ".tgz\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(image);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(BASE + "/api/v1/images"))
                      .header("Authorization", basic("admin", ADMIN_PASSWORD))
                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base64 Ed25519 signature, by the trusted test key, over the SHA-256 of {@code file}. */
  static String sign(byte[] file) throws java.security.GeneralSecurityException {
    java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
    signer.initSign(
        java.security.KeyFactory.getInstance("Ed25519")
            .generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(TRUSTED_PRIVATE))));
    signer.update(java.security.MessageDigest.getInstance("SHA-256").digest(file));
    return Base64.getEncoder().encodeToString(signer.sign());
  }

  static String create(String path, Map<String, Object> body) {
    return api("POST", path, body).get("id").asText();
  }

  /** The API as the provider administrator, HTTP Basic. */
  static JsonNode api(String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(BASE + path))
              .header("Authorization", basic("admin", ADMIN_PASSWORD))
              .header("Content-Type", "application/json");
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode() / 100)
          .as(method + " " + path + ": " + response.body())
          .isEqualTo(2);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
