package io.switchboard.app;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.vnf.VnfState;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import io.switchboard.inventory.vnf.Vnfd;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * VNF on a uCPE end to end: a signed package uploaded over REST, instantiated on a simulated NFX250
 * over real NETCONF (image copied and checked, VNF and chain committed confirmed, boot awaited),
 * then terminated back to the configuration the device had before; and a boot that never finishes
 * rolled back to exactly that configuration, the occurrence carrying the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class VnfEndToEndIT {
  private static final int PORT = freePort();
  private static final String ADMIN_PASSWORD = "e2e-admin-password";
  private static final String TRUSTED_PUBLIC =
      "MCowBQYDK2VwAyEA0/vgVFVlpWvUSbUBv/m1LPEpbjXYJnAWKkalLaYMxhU=";
  private static final String TRUSTED_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIMCmyhssYjcFj2B8khxrHnQGOAx+CUUkeKWUzb0Jr3bm";

  @Autowired TestRestTemplate rest;
  @Autowired DeviceRepository devices;
  SimulatedFleet fleet;
  SimulatedDevice ucpe;
  String tenant;
  String site;
  String device;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.security.admin.password", () -> ADMIN_PASSWORD);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.images.trusted-keys.e2e", () -> TRUSTED_PUBLIC);
    registry.add("switchboard.vnf.boot-timeout", () -> "PT3S");
    registry.add("switchboard.data-dir", () -> "./target/app-it/data-" + UUID.randomUUID());
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @BeforeEach
  void ucpe() {
    String serial = "NFX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    fleet =
        SimulatedFleet.builder()
            .serials(serial)
            .model("nfx250")
            .basePort(0)
            .credentials("admin", "admin123")
            .start();
    ucpe = fleet.device(serial);
    ucpe.vnfHost().bootDelay(Duration.ofMillis(300));
    tenant = create("/api/v1/tenants", Map.of("name", "vnf-" + serial));
    site =
        create(
            "/api/v1/sites",
            Map.of("tenantId", tenant, "name", "lyon-" + serial.toLowerCase(), "type", "BRANCH"));
    String model =
        create(
            "/api/v1/device-models",
            Map.of("name", "NFX250-" + serial, "vendor", "Juniper", "family", "nfx"));
    device =
        create(
            "/api/v1/devices",
            Map.of(
                "tenantId", tenant,
                "siteId", site,
                "serialNumber", serial,
                "modelId", model,
                "managementAddress", ucpe.host(),
                "credentials", Map.of("username", "admin", "password", "admin123")));
    // where the simulated device listens (phone-home would report it)
    Device row = devices.findById(device).orElseThrow();
    row.setNetconfPort(ucpe.port());
    devices.save(row);
  }

  @AfterEach
  void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void uploadInstantiateRunTerminateBackToTheOriginalConfiguration() {
    String before = ucpe.runningConfig();
    String instance = instance(uploadPackage());

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("COMPLETED");
    assertThat(get("/api/v1/vnf-instances/" + instance).get("instantiationState").asText())
        .isEqualTo("INSTANTIATED");
    assertThat(ucpe.vnfHost().states(ucpe.runningConfiguration()))
        .singleElement()
        .satisfies(s -> assertThat(s.isUp()).isTrue())
        .extracting(VnfState::name)
        .isEqualTo("vsrx-1");
    assertThat(ucpe.runningConfig())
        .contains("vsrx-1-lan", "vsrx-1-wan", "<members>vsrx-1-lan</members>");
    assertThat(ucpe.vnfHost().files()).containsKey("/var/public/vsrx-1.qcow2");
    assertThat(get("/api/v1/operations/" + occ.get("operationId").asText()).get("state").asText())
        .isEqualTo("COMPLETED");

    JsonNode terminated = finished(post("/api/v1/vnf-instances/" + instance + "/terminate"));

    assertThat(terminated.get("operationState").asText()).isEqualTo("COMPLETED");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
    JsonNode read = get("/api/v1/vnf-instances/" + instance);
    assertThat(read.get("instantiationState").asText()).isEqualTo("NOT_INSTANTIATED");
    assertThat(read.at("/reservedResources/vcpus").asInt()).isZero();
  }

  @Test
  void aBootThatNeverFinishesIsRolledBackToExactlyTheConfigurationBefore() {
    ucpe.vnfHost().bootNeverFinishes(true);
    String before = ucpe.runningConfig();
    String instance = instance(uploadPackage());

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("ROLLED_BACK");
    assertThat(occ.at("/error/detail").asText()).contains("did not boot within PT3S");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
    JsonNode operation = get("/api/v1/operations/" + occ.get("operationId").asText());
    assertThat(operation.get("state").asText()).isEqualTo("FAILED");
    assertThat(operation.get("error").asText()).contains("did not boot");
    assertThat(get("/api/v1/vnf-instances/" + instance).at("/reservedResources/vcpus").asInt())
        .isZero();
  }

  @Test
  void shortResourcesAreRefusedCleanlyNamingWhatIsMissing() {
    ucpe.vnfHost().resourcesShort(true);
    String before = ucpe.runningConfig();
    Vnfd.Flavour big =
        new Vnfd.Flavour("small", 4, 8192, 0, VnfPackageBuilder.smallFlavour("x").interfaces());
    String instance =
        instance(uploadPackage(aPackage("vSRX", "big-" + UUID.randomUUID()).flavour(big)));

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("ROLLED_BACK");
    assertThat(occ.at("/error/detail").asText()).contains("resources short", "needs 4 vCPUs");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
  }

  private String uploadPackage() {
    return uploadPackage(aPackage("vSRX", "23.4R1-" + UUID.randomUUID()));
  }

  private String uploadPackage(VnfPackageBuilder builder) {
    byte[] csar = builder.build();
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(csar) {
          @Override
          public String getFilename() {
            return "vsrx.csar";
          }
        });
    parts.add("signature", builder.signature(TRUSTED_PRIVATE));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var response =
        rest.withBasicAuth("admin", ADMIN_PASSWORD)
            .postForEntity(
                "/api/v1/vnf-packages", new HttpEntity<>(parts, headers), JsonNode.class);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    return response.getBody().get("id").asText();
  }

  private String instance(String packageId) {
    return create(
        "/api/v1/vnf-instances",
        Map.of(
            "tenantId", tenant,
            "siteId", site,
            "deviceId", device,
            "packageId", packageId,
            "flavourId", "small",
            "name", "vsrx-1"));
  }

  private JsonNode finished(JsonNode accepted) {
    String id = accepted.get("id").asText();
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> get("/api/v1/vnf-lcm-op-occs/" + id),
            o ->
                Map.of("COMPLETED", 1, "ROLLED_BACK", 1, "FAILED", 1, "FAILED_TEMP", 1)
                    .containsKey(o.get("operationState").asText()));
  }

  private JsonNode post(String path) {
    return call(HttpMethod.POST, path, null);
  }

  private JsonNode get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  private String create(String path, Map<String, Object> body) {
    return call(HttpMethod.POST, path, body).get("id").asText();
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
