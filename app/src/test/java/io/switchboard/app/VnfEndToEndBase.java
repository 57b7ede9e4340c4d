package io.switchboard.app;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
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
 * What the VNF end-to-end tests share: the application on a port of its own with the e2e and demo
 * signing keys trusted, a simulated NFX250 in service per test (its WAN in {@code untrust}, the
 * site's users on VLAN 20), a signed package upload, an instance, and waiting for occurrences.
 * Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class VnfEndToEndBase {
  static final int PORT = EndToEndApi.freePort();
  static final String ADMIN_PASSWORD = "e2e-admin-password";
  static final String TRUSTED_PUBLIC =
      "MCowBQYDK2VwAyEA0/vgVFVlpWvUSbUBv/m1LPEpbjXYJnAWKkalLaYMxhU=";
  static final String TRUSTED_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIMCmyhssYjcFj2B8khxrHnQGOAx+CUUkeKWUzb0Jr3bm";

  /** The demo profile's image-signing key (application.yml), which the demo signs its vSRX with. */
  static final String DEMO_PUBLIC = "MCowBQYDK2VwAyEAyqaHMOOmKV5PztDnHsBz5LgAZtzBjICdcH33+DY2rO4=";

  @Autowired TestRestTemplate rest;
  @Autowired TenantRepository tenants;
  @Autowired AutowireCapableBeanFactory beans;
  @Autowired DeviceRepository devices;
  @Autowired CamundaClient camunda;
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
    registry.add("switchboard.images.trusted-keys.switchboard-demo", () -> DEMO_PUBLIC);
    registry.add("switchboard.vnf.boot-timeout", () -> "PT5S");
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
    // a uCPE in service: its WAN in the untrust zone, the site's users on VLAN 20
    ucpe.loadRunningConfig(
        ucpe.runningConfig()
            .replace(
                "</configuration>",
                "<security><zones><security-zone><name>untrust</name><interfaces>"
                    + "<name>ge-0/0/0.0</name></interfaces></security-zone></zones></security>"
                    + "</configuration>"));
    call(
        HttpMethod.POST,
        "/api/v1/sites/" + site + "/lan-segments",
        Map.of("name", "users", "vlanId", 20, "prefix", "192.168.20.0/24"));
  }

  @AfterEach
  void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  int status(HttpMethod method, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("admin", ADMIN_PASSWORD)
        .exchange(path, method, new HttpEntity<>(null, headers), JsonNode.class)
        .getStatusCode()
        .value();
  }

  String uploadPackage() {
    return uploadPackage(aPackage("vSRX", "23.4R1-" + UUID.randomUUID()));
  }

  String uploadPackage(VnfPackageBuilder builder) {
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

  String instance(String packageId) {
    return instance(packageId, 4001);
  }

  String instance(String packageId, int wanVlan) {
    return create(
        "/api/v1/vnf-instances",
        Map.of(
            "tenantId", tenant,
            "siteId", site,
            "deviceId", device,
            "packageId", packageId,
            "flavourId", "small",
            "name", "vsrx-1",
            "wanVlan", wanVlan));
  }

  /** Waits for the occurrence to stop running: a final state or FAILED_TEMP. */
  JsonNode finished(JsonNode accepted) {
    return until(accepted, Set.of("COMPLETED", "ROLLED_BACK", "FAILED", "FAILED_TEMP"));
  }

  /** Waits for a final state only (a repaired occurrence may still read FAILED_TEMP a moment). */
  JsonNode ended(JsonNode occurrence) {
    return until(occurrence, Set.of("COMPLETED", "ROLLED_BACK", "FAILED"));
  }

  /**
   * Waits for one of {@code states}; for a final one also for its operation to end, as the next
   * lifecycle operation on the device waits for that.
   */
  JsonNode until(JsonNode occurrence, Set<String> states) {
    String id = occurrence.get("id").asText();
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> get("/api/v1/vnf-lcm-op-occs/" + id),
            o ->
                states.contains(o.get("operationState").asText())
                    && (o.get("operationState").asText().equals("FAILED_TEMP")
                        || !Set.of("PENDING", "RUNNING")
                            .contains(
                                get("/api/v1/operations/" + o.get("operationId").asText())
                                    .get("state")
                                    .asText())));
  }

  /** Waits for the occurrence's process to be in {@code elementId}. */
  void waitUntilActive(JsonNode occurrence, String elementId) {
    String operation = "/api/v1/operations/" + occurrence.get("operationId").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              JsonNode key = get(operation).get("processInstanceKey");
              return key != null
                  && !key.isNull()
                  && !camunda
                      .newElementInstanceSearchRequest()
                      .filter(
                          f ->
                              f.processInstanceKey(key.asLong())
                                  .elementId(elementId)
                                  .state(ElementInstanceState.ACTIVE))
                      .send()
                      .join()
                      .items()
                      .isEmpty();
            });
  }

  JsonNode post(String path) {
    return call(HttpMethod.POST, path, null);
  }

  JsonNode get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  String create(String path, Map<String, Object> body) {
    return call(HttpMethod.POST, path, body).get("id").asText();
  }

  JsonNode call(HttpMethod method, String path, Object body) {
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
}
