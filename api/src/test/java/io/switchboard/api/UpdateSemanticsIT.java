package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * PATCH is JSON Merge Patch (absent stays, null clears, unknown fields 400) and PUT a full
 * replacement (a missing field is 400 naming it), for every resource that has both, with the same
 * validation, scope and role answers as create.
 */
class UpdateSemanticsIT extends ApiIT {
  @Autowired DeviceRepository devices;

  private String tenant;
  private String site;
  private String model;
  private String device;

  @BeforeEach
  void inventory() {
    tenant = newTenant(null);
    site = newSite(tenant);
    model = newModel();
    device = newDevice(tenant, site, model);
    admin.put(
        "/api/v1/sites/" + site,
        "{\"name\":\""
            + unique("site")
            + "\",\"type\":\"HUB\",\"address\":\"1 Main St\","
            + "\"targetSoftwareVersion\":\"23.4R1\"}");
    admin.call(
        HttpMethod.PATCH, "/api/v1/devices/" + device, "{\"managementAddress\":\"192.0.2.7\"}");
  }

  private ResponseEntity<JsonNode> patch(Caller caller, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("application/merge-patch+json"));
    return caller
        .template()
        .exchange(path, HttpMethod.PATCH, new HttpEntity<>(json, headers), JsonNode.class);
  }

  private static List<String> fields(ResponseEntity<JsonNode> problem) {
    List<String> names = new ArrayList<>();
    problem.getBody().get("errors").forEach(e -> names.add(e.get("field").asText()));
    return names;
  }

  @Test
  void putWithOnlyCredentialsIsRefusedAndChangesNothing() {
    ResponseEntity<JsonNode> response =
        admin.put(
            "/api/v1/devices/" + device,
            "{\"credentials\":{\"username\":\"netconf\",\"password\":\"new-secret\"}}");

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(fields(response)).containsExactly("managementAddress", "modelId", "siteId");
    JsonNode view = admin.get("/api/v1/devices/" + device).getBody();
    assertThat(view.get("siteId").asText()).isEqualTo(site);
    assertThat(view.get("managementAddress").asText()).isEqualTo("192.0.2.7");
    assertThat(devices.findById(device).orElseThrow().getCredentials().password())
        .isEqualTo("device-secret");
  }

  @Test
  void patchWithOnlyCredentialsChangesOnlyTheCredentials() {
    JsonNode before = admin.get("/api/v1/devices/" + device).getBody();

    ResponseEntity<JsonNode> response =
        patch(
            admin,
            "/api/v1/devices/" + device,
            "{\"credentials\":{\"username\":\"ops\",\"password\":\"rotated-secret\"}}");

    assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(200);
    JsonNode after = response.getBody();
    for (String field : List.of("siteId", "modelId", "managementAddress", "tenantId")) {
      assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
    }
    assertThat(after.toString()).doesNotContain("rotated-secret").doesNotContain("\"credentials\"");
    var stored = devices.findById(device).orElseThrow().getCredentials();
    assertThat(stored.username()).isEqualTo("ops");
    assertThat(stored.password()).isEqualTo("rotated-secret");
  }

  @Test
  void deviceCredentialsAreReplacedWholeAndCannotBeCleared() {
    ResponseEntity<JsonNode> partial =
        patch(admin, "/api/v1/devices/" + device, "{\"credentials\":{\"username\":\"ops\"}}");
    assertThat(partial.getStatusCode().value()).isEqualTo(400);
    assertThat(partial.getBody().get("field").asText()).isEqualTo("credentials.password");

    ResponseEntity<JsonNode> cleared =
        patch(admin, "/api/v1/devices/" + device, "{\"credentials\":null}");
    assertThat(cleared.getStatusCode().value()).isEqualTo(400);
    assertThat(cleared.getBody().get("field").asText()).isEqualTo("credentials");
    assertThat(devices.findById(device).orElseThrow().getCredentials().password())
        .isEqualTo("device-secret");
  }

  @Test
  void putReplacesEverythingGivenAndKeepsWriteOnlyCredentialsWhenLeftOut() {
    ResponseEntity<JsonNode> response =
        admin.put(
            "/api/v1/devices/" + device,
            "{\"siteId\":null,\"modelId\":\"" + model + "\",\"managementAddress\":\"192.0.2.9\"}");

    assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(200);
    assertThat(response.getBody().get("siteId").isNull()).isTrue();
    assertThat(response.getBody().get("managementAddress").asText()).isEqualTo("192.0.2.9");
    assertThat(response.getBody().get("hasCredentials").asBoolean()).isTrue();
  }

  @Test
  void patchAcceptsPlainJsonToo() {
    ResponseEntity<JsonNode> response =
        admin.call(HttpMethod.PATCH, "/api/v1/sites/" + site, "{\"address\":\"2 Side St\"}");
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody().get("address").asText()).isEqualTo("2 Side St");
    assertThat(response.getBody().get("type").asText()).isEqualTo("HUB");
  }

  /** A resource, one of its clearable fields, one of its required fields. */
  static Stream<Arguments> clearables() {
    return Stream.of(
        Arguments.of("devices", "managementAddress", "modelId"),
        Arguments.of("devices", "siteId", "modelId"),
        Arguments.of("sites", "address", "name"),
        Arguments.of("sites", "targetSoftwareVersion", "type"),
        Arguments.of("tenants", "description", "name"),
        Arguments.of("opcos", "description", "name"));
  }

  /** Every resource with PATCH and PUT, and one of its required fields. */
  static Stream<Arguments> resources() {
    return Stream.of(
        Arguments.of("devices", "modelId"),
        Arguments.of("sites", "type"),
        Arguments.of("tenants", "name"),
        Arguments.of("opcos", "name"),
        Arguments.of("device-models", "vendor"));
  }

  private String path(String resource) {
    return switch (resource) {
      case "devices" -> "/api/v1/devices/" + device;
      case "sites" -> "/api/v1/sites/" + site;
      case "tenants" -> "/api/v1/tenants/" + tenant;
      case "opcos" -> {
        String opco = newOpco();
        patch(admin, "/api/v1/opcos/" + opco, "{\"description\":\"a reseller\"}");
        yield "/api/v1/opcos/" + opco;
      }
      case "device-models" -> "/api/v1/device-models/" + model;
      default -> throw new IllegalArgumentException(resource);
    };
  }

  @ParameterizedTest(name = "{0}: null clears {1}, keeps the rest")
  @MethodSource("clearables")
  void nullClearsAClearableFieldAndAbsentFieldsStay(
      String resource, String clearable, String required) {
    String path = path(resource);
    if (resource.equals("tenants")) {
      patch(admin, path, "{\"description\":\"to be cleared\"}");
    }
    JsonNode before = admin.get(path).getBody();
    assertThat(before.get(clearable).isNull()).as("set before").isFalse();

    ResponseEntity<JsonNode> response = patch(admin, path, "{\"" + clearable + "\":null}");

    assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(200);
    assertThat(response.getBody().get(clearable).isNull()).isTrue();
    assertThat(response.getBody().get(required)).isEqualTo(before.get(required));
  }

  @ParameterizedTest(name = "{0}: null {1}, unknown fields and an empty PUT are 400 naming them")
  @MethodSource("resources")
  void requiredNullsAndUnknownFieldsAreRefused(String resource, String required) {
    String path = path(resource);
    JsonNode before = admin.get(path).getBody();

    ResponseEntity<JsonNode> nulled = patch(admin, path, "{\"" + required + "\":null}");
    assertThat(nulled.getStatusCode().value()).isEqualTo(400);
    assertThat(nulled.getBody().get("field").asText()).isEqualTo(required);

    ResponseEntity<JsonNode> unknown = patch(admin, path, "{\"colour\":\"red\",\"zone\":1}");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(unknown)).containsExactly("colour", "zone");
    assertThat(unknown.getBody().get("detail").asText()).contains("colour").contains("zone");

    ResponseEntity<JsonNode> missing = admin.put(path, "{}");
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(missing)).contains(required);

    assertThat(admin.get(path).getBody().get("version")).isEqualTo(before.get("version"));
  }

  @Test
  void patchValidatesLikeCreate() {
    ResponseEntity<JsonNode> badType = patch(admin, "/api/v1/sites/" + site, "{\"type\":\"MOON\"}");
    assertThat(badType.getStatusCode().value()).isEqualTo(400);
    assertThat(badType.getBody().get("field").asText()).isEqualTo("type");

    ResponseEntity<JsonNode> control =
        patch(admin, "/api/v1/sites/" + site, "{\"name\":\"bad\\u0007name\"}");
    assertThat(control.getStatusCode().value()).isEqualTo(400);
    assertThat(control.getBody().get("field").asText()).isEqualTo("name");

    ResponseEntity<JsonNode> version =
        patch(admin, "/api/v1/sites/" + site, "{\"targetSoftwareVersion\":\"not a version\"}");
    assertThat(version.getStatusCode().value()).isEqualTo(400);
    assertThat(version.getBody().get("field").asText()).isEqualTo("targetSoftwareVersion");

    String other = newSite(tenant);
    String taken = admin.get("/api/v1/sites/" + other).getBody().get("name").asText();
    ResponseEntity<JsonNode> clash =
        patch(admin, "/api/v1/sites/" + site, "{\"name\":\"" + taken + "\"}");
    assertThat(clash.getStatusCode().value()).isEqualTo(409);

    ResponseEntity<JsonNode> foreignSite =
        patch(
            admin,
            "/api/v1/devices/" + device,
            "{\"siteId\":\"" + newSite(newTenant(null)) + "\"}");
    assertThat(foreignSite.getStatusCode().value()).isEqualTo(422);
    assertThat(foreignSite.getBody().get("field").asText()).isEqualTo("siteId");
  }

  @Test
  void patchKeepsScopeAndRoleAnswers() {
    String otherTenant = newTenant(null);
    Caller outsider = user(Role.TENANT_ADMIN, null, otherTenant);
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);

    assertThat(
            patch(outsider, "/api/v1/devices/" + device, "{\"siteId\":null}")
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            patch(outsider, "/api/v1/sites/" + site, "{\"address\":null}").getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            patch(viewer, "/api/v1/devices/" + device, "{\"siteId\":null}").getStatusCode().value())
        .isEqualTo(403);
    assertThat(outsider.put("/api/v1/devices/" + device, "{}").getStatusCode().value())
        .as("out of scope answers 404 before the body is judged")
        .isEqualTo(404);
    assertThat(admin.get("/api/v1/devices/" + device).getBody().get("siteId").asText())
        .isEqualTo(site);
  }
}
