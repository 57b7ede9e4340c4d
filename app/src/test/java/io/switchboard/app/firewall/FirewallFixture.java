package io.switchboard.app.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** REST steps the firewall end-to-end tests share: a tenant, sites with zones, SRX devices. */
final class FirewallFixture {
  private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELED");

  private final TestRestTemplate rest;
  private final DeviceRepository devices;
  private final String user;
  private final String password;

  FirewallFixture(TestRestTemplate rest, DeviceRepository devices, String user, String password) {
    this.rest = rest;
    this.devices = devices;
    this.user = user;
    this.password = password;
  }

  ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
    return exchangeAs(user, password, method, path, body);
  }

  ResponseEntity<JsonNode> exchangeAs(
      String username, String secret, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(username, secret)
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  JsonNode call(HttpMethod method, String path, Object body) {
    ResponseEntity<JsonNode> response = exchange(method, path, body);
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as(method + " " + path + ": " + response.getBody())
        .isTrue();
    return response.getBody();
  }

  String create(String path, Map<String, Object> body) {
    return call(HttpMethod.POST, path, body).get("id").asText();
  }

  /** A site of the tenant with trust and untrust zones. */
  String site(String tenant, String name) {
    String site =
        create("/api/v1/sites", Map.of("tenantId", tenant, "name", name, "type", "BRANCH"));
    call(
        HttpMethod.POST,
        "/api/v1/sites/" + site + "/zones",
        Map.of("name", "trust", "interfaces", List.of("ge-0/0/1.0")));
    call(
        HttpMethod.POST,
        "/api/v1/sites/" + site + "/zones",
        Map.of("name", "untrust", "interfaces", List.of("ge-0/0/0.0")));
    return site;
  }

  /** A registered device that Switchboard reaches at the simulated device's address. */
  String device(String tenant, String site, String model, SimulatedDevice cpe) {
    return device(tenant, site, model, cpe.serialNumber(), cpe.host(), cpe.port());
  }

  String device(String tenant, String site, String model, String serial, String host, int port) {
    String id =
        create(
            "/api/v1/devices",
            Map.of(
                "tenantId", tenant,
                "siteId", site,
                "serialNumber", serial,
                "modelId", model,
                "credentials", Map.of("username", "admin", "password", "admin123")));
    Device d = devices.findById(id).orElseThrow();
    d.setManagementAddress(host);
    d.setNetconfPort(port);
    devices.save(d);
    return id;
  }

  /** A rule from trust to untrust. */
  static Map<String, Object> rule(
      String name, List<String> sources, List<String> applications, String action) {
    return Map.of(
        "name",
        name,
        "fromZones",
        List.of("trust"),
        "toZones",
        List.of("untrust"),
        "sources",
        sources,
        "applications",
        applications,
        "action",
        action);
  }

  /** Replaces the policy's rules (keeping its sites) and publishes them as the next version. */
  int publish(String policy, List<Map<String, Object>> rules) {
    JsonNode current = call(HttpMethod.GET, "/api/v1/firewall-policies/" + policy, null);
    List<String> sites = new ArrayList<>();
    current.get("siteIds").forEach(s -> sites.add(s.asText()));
    call(
        HttpMethod.PUT,
        "/api/v1/firewall-policies/" + policy,
        Map.of(
            "tenantId",
            current.get("tenantId").asText(),
            "name",
            current.get("name").asText(),
            "siteIds",
            sites,
            "rules",
            rules));
    return call(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/publish", null)
        .get("version")
        .asInt();
  }

  /** Starts a deployment and answers its operation id. */
  String deploy(String policy, Map<String, Object> body) {
    ResponseEntity<JsonNode> started =
        exchange(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/deployments", body);
    assertThat(started.getStatusCode().value())
        .as(String.valueOf(started.getBody()))
        .isEqualTo(202);
    return started.getBody().get("id").asText();
  }

  JsonNode finished(String operationId, int seconds) {
    return await()
        .atMost(Duration.ofSeconds(seconds))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> call(HttpMethod.GET, "/api/v1/operations/" + operationId, null),
            o -> FINAL.contains(o.get("state").asText()));
  }

  /** The policy's deployment rows of one operation, by device id. */
  Map<String, JsonNode> rows(String policy, String operationId) {
    Map<String, JsonNode> byDevice = new java.util.HashMap<>();
    for (JsonNode d :
        call(HttpMethod.GET, "/api/v1/firewall-policies/" + policy + "/deployments", null)) {
      if (d.get("operationId").asText().equals(operationId)) {
        byDevice.put(d.get("deviceId").asText(), d);
      }
    }
    return byDevice;
  }
}
