package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;

/** Every payload's bad input answers problem+json naming the field at fault, and writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationIT extends ApiIT {
  String tenant;
  String model;

  @BeforeAll
  void world() {
    callers();
    tenant = newTenant(null);
    model = newModel();
  }

  Stream<Arguments> badPayloads() {
    return Stream.of(
        Arguments.of("/api/v1/opcos", Map.of(), "name", 400),
        Arguments.of("/api/v1/opcos", Map.of("name", "x".repeat(121)), "name", 400),
        Arguments.of("/api/v1/opcos", Map.of("name", "ok", "colour", "red"), "colour", 400),
        Arguments.of("/api/v1/tenants", Map.of("name", ""), "name", 400),
        Arguments.of(
            "/api/v1/tenants",
            Map.of("name", unique("t"), "opcoId", "no-such-opco"),
            "opcoId",
            422),
        Arguments.of("/api/v1/sites", Map.of("name", "s", "type", "BRANCH"), "tenantId", 400),
        Arguments.of(
            "/api/v1/sites",
            with("tenantId", "TENANT", "name", "s", "type", "CASTLE"),
            "type",
            400),
        Arguments.of(
            "/api/v1/sites",
            with(
                "tenantId",
                "TENANT",
                "name",
                "s",
                "type",
                "HUB",
                "targetSoftwareVersion",
                "23.4 R1!"),
            "targetSoftwareVersion",
            400),
        Arguments.of(
            "/api/v1/sites",
            with("tenantId", "missing-tenant", "name", "s", "type", "HUB"),
            "tenantId",
            422),
        Arguments.of(
            "/api/v1/devices",
            with("tenantId", "TENANT", "serialNumber", "a b", "modelId", "MODEL"),
            "serialNumber",
            400),
        Arguments.of(
            "/api/v1/devices",
            with("tenantId", "TENANT", "serialNumber", unique("SN"), "modelId", "no-such-model"),
            "modelId",
            422),
        Arguments.of(
            "/api/v1/devices",
            with(
                "tenantId",
                "TENANT",
                "serialNumber",
                unique("SN"),
                "modelId",
                "MODEL",
                "siteId",
                "no-such-site"),
            "siteId",
            422),
        Arguments.of(
            "/api/v1/devices",
            with(
                "tenantId",
                "TENANT",
                "serialNumber",
                unique("SN"),
                "modelId",
                "MODEL",
                "credentials",
                Map.of("username", "u")),
            "credentials.password",
            400),
        Arguments.of(
            "/api/v1/device-models", Map.of("name", "m", "vendor", "Juniper"), "family", 400),
        Arguments.of(
            "/api/v1/operations",
            Map.of("type", "Not Kebab", "target", Map.of("kind", "DEVICE", "id", "x")),
            "type",
            400),
        Arguments.of("/api/v1/operations", Map.of("type", "ztp-onboarding"), "target", 400),
        Arguments.of(
            "/api/v1/operations",
            Map.of("type", "ztp-onboarding", "target", Map.of("kind", "PLANET", "id", "x")),
            "target.kind",
            400),
        Arguments.of(
            "/api/v1/operations",
            Map.of("type", "ztp-onboarding", "target", Map.of("kind", "DEVICE", "id", "nope")),
            "target.id",
            422),
        Arguments.of(
            "/api/v1/users",
            Map.of(
                "username",
                "ab",
                "password",
                PASSWORD,
                "role",
                "TENANT_VIEWER",
                "tenantId",
                "TENANT"),
            "username",
            400),
        Arguments.of(
            "/api/v1/users",
            Map.of(
                "username",
                unique("u"),
                "password",
                "short",
                "role",
                "TENANT_VIEWER",
                "tenantId",
                "TENANT"),
            "password",
            400),
        Arguments.of(
            "/api/v1/users",
            Map.of("username", unique("u"), "password", PASSWORD, "role", "TENANT_VIEWER"),
            "tenantId",
            400),
        // control and bidirectional characters in names and identifiers
        Arguments.of("/api/v1/opcos", Map.of("name", "nul\u0000byte"), "name", 400),
        Arguments.of("/api/v1/tenants", Map.of("name", "esc\u001b[31mred"), "name", 400),
        Arguments.of(
            "/api/v1/tenants",
            Map.of("name", unique("t"), "description", "bell\u0007"),
            "description",
            400),
        Arguments.of(
            "/api/v1/sites",
            with("tenantId", "TENANT", "name", "invoice\u202egpj.exe", "type", "HUB"),
            "name",
            400),
        Arguments.of(
            "/api/v1/device-models",
            Map.of("name", "m", "vendor", "Juni\u0085per", "family", "srx"),
            "vendor",
            400),
        Arguments.of(
            "/api/v1/devices",
            with(
                "tenantId",
                "TENANT",
                "serialNumber",
                unique("SN"),
                "modelId",
                "MODEL",
                "managementAddress",
                "10.0.0.1\r\nX-Forged: yes"),
            "managementAddress",
            400),
        Arguments.of(
            "/api/v1/devices",
            with(
                "tenantId",
                "TENANT",
                "serialNumber",
                unique("SN"),
                "modelId",
                "MODEL",
                "credentials",
                Map.of("username", "adm\u2066in", "password", "pw")),
            "credentials.username",
            400),
        Arguments.of("/api/v1/opcos", Map.of("name", "x".repeat(121)), "name", 400));
  }

  private static Map<String, Object> with(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private Object resolve(Object body) {
    if (!(body instanceof Map<?, ?> map)) {
      return body;
    }
    Map<String, Object> resolved = new HashMap<>();
    map.forEach(
        (k, v) ->
            resolved.put(
                (String) k, "TENANT".equals(v) ? tenant : "MODEL".equals(v) ? model : resolve(v)));
    return resolved;
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("badPayloads")
  void badPayloadNamesTheFieldAtFault(
      String path, Map<String, Object> body, String field, int status) {
    long before = admin.get(path).getBody().get("totalItems").asLong();
    ResponseEntity<JsonNode> response = admin.post(path, resolve(body));

    assertThat(response.getStatusCode().value())
        .as(response.getBody().toString())
        .isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    assertThat(response.getBody().get("detail").asText())
        .contains(field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field);
    assertThat(admin.get(path).getBody().get("totalItems").asLong())
        .as("nothing written")
        .isEqualTo(before);
  }

  @Test
  void malformedJsonAndBadPagingAreProblems() {
    ResponseEntity<JsonNode> malformed =
        admin.call(org.springframework.http.HttpMethod.POST, "/api/v1/opcos", "{\"name\": ");
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    ResponseEntity<JsonNode> badSort = admin.get("/api/v1/sites?sort=password");
    assertThat(badSort.getStatusCode().value()).isEqualTo(400);
    assertThat(badSort.getBody().get("field").asText()).isEqualTo("sort");
    assertThat(admin.get("/api/v1/sites?size=5000").getBody().get("field").asText())
        .isEqualTo("size");
    assertThat(admin.get("/api/v1/devices?state=EXPLODED").getBody().get("field").asText())
        .isEqualTo("state");
  }

  @Test
  void duplicatesAreConflicts() {
    String name = unique("dup");
    admin.create("/api/v1/opcos", Map.of("name", name));
    ResponseEntity<JsonNode> again = admin.post("/api/v1/opcos", Map.of("name", name));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("field").asText()).isEqualTo("name");
  }

  @Test
  void credentialsAreNeverReturned() {
    String site = newSite(tenant);
    String device = newDevice(tenant, site, model);
    JsonNode view = admin.get("/api/v1/devices/" + device).getBody();
    assertThat(view.get("hasCredentials").asBoolean()).isTrue();
    assertThat(view.toString()).doesNotContain("device-secret").doesNotContain("\"credentials\"");
    assertThat(List.of(view.fieldNames()).toString()).doesNotContain("password");
  }
}
