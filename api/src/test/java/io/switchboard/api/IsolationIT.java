package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.inventory.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Two operating companies and three tenants (A1, A2 under opco A; B1 under opco B). Every read and
 * write across a boundary answers 404 and changes nothing; lists never show foreign objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationIT extends ApiIT {
  @Autowired CamundaClient camunda;

  String opcoA;
  String opcoB;
  String a1;
  String a2;
  String b1;
  String model;
  final Map<String, Map<String, String>> objects = new java.util.HashMap<>();

  @BeforeAll
  void world() {
    callers();
    opcoA = newOpco();
    opcoB = newOpco();
    a1 = newTenant(opcoA);
    a2 = newTenant(opcoA);
    b1 = newTenant(opcoB);
    model = newModel();
    for (String tenant : List.of(a1, a2, b1)) {
      String site = newSite(tenant);
      String device = newDevice(tenant, site, model);
      String operation = startOperation(tenant, device);
      String user =
          admin.create(
              "/api/v1/users",
              Map.of(
                  "username",
                  unique("member"),
                  "password",
                  PASSWORD,
                  "role",
                  "TENANT_VIEWER",
                  "tenantId",
                  tenant));
      objects.put(
          tenant,
          Map.of(
              "tenants",
              tenant,
              "sites",
              site,
              "devices",
              device,
              "operations",
              operation,
              "users",
              user));
    }
  }

  private String startOperation(String tenant, String device) {
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("isolation-noop").startEvent().endEvent().done(),
            "noop.bpmn")
        .send()
        .join();
    return admin.create(
        "/api/v1/operations",
        Map.of("type", "isolation-noop", "target", Map.of("kind", "DEVICE", "id", device)));
  }

  private List<String> crossings(Caller caller, Role role, List<String> foreignTenants) {
    List<String> leaks = new ArrayList<>();
    // a role without write permission on tenants is refused before any lookup (403, no leak)
    int tenantWrite =
        io.switchboard.api.security.Permissions.allows(
                role,
                io.switchboard.api.security.Action.WRITE,
                io.switchboard.api.security.Resource.TENANTS)
            ? 404
            : 403;
    for (String foreign : foreignTenants) {
      for (Map.Entry<String, String> object : objects.get(foreign).entrySet()) {
        String path = "/api/v1/" + object.getKey() + "/" + object.getValue();
        expect(leaks, "GET " + path, caller.get(path), 404);
        if (!object.getKey().equals("operations")) {
          expect(
              leaks,
              "DELETE " + path,
              caller.delete(path),
              object.getKey().equals("tenants") ? tenantWrite : 404);
        }
      }
      String site = objects.get(foreign).get("sites");
      String device = objects.get(foreign).get("devices");
      String user = objects.get(foreign).get("users");
      expect(
          leaks,
          "PATCH user",
          caller.call(HttpMethod.PATCH, "/api/v1/users/" + user, Map.of("enabled", false)),
          404);
      expect(
          leaks,
          "PUT user password",
          caller.put(
              "/api/v1/users/" + user + "/password", Map.of("newPassword", "hijacked password")),
          404);
      expect(
          leaks,
          "POST device activation secret",
          caller.post("/api/v1/devices/" + device + "/activation-secret", null),
          404);
      expect(
          leaks,
          "PUT site",
          caller.put("/api/v1/sites/" + site, Map.of("name", "hijacked", "type", "HUB")),
          404);
      expect(
          leaks,
          "PUT device",
          caller.put("/api/v1/devices/" + device, Map.of("modelId", model)),
          404);
      expect(
          leaks,
          "PUT tenant",
          caller.put("/api/v1/tenants/" + foreign, Map.of("name", unique("hijacked"))),
          tenantWrite);
      expect(
          leaks,
          "POST site into foreign tenant",
          caller.post(
              "/api/v1/sites", Map.of("tenantId", foreign, "name", unique("s"), "type", "HUB")),
          422);
      expect(
          leaks,
          "POST device into foreign tenant",
          caller.post(
              "/api/v1/devices",
              Map.of("tenantId", foreign, "serialNumber", unique("SN"), "modelId", model)),
          422);
      expect(
          leaks,
          "POST operation on foreign device",
          caller.post(
              "/api/v1/operations",
              Map.of("type", "isolation-noop", "target", Map.of("kind", "DEVICE", "id", device))),
          422);
      expect(
          leaks,
          "POST user into foreign tenant",
          caller.post(
              "/api/v1/users",
              Map.of(
                  "username",
                  unique("u"),
                  "password",
                  PASSWORD,
                  "role",
                  "TENANT_VIEWER",
                  "tenantId",
                  foreign)),
          422);
    }
    return leaks;
  }

  private static void expect(
      List<String> leaks, String what, ResponseEntity<JsonNode> response, int status) {
    if (response.getStatusCode().value() != status) {
      leaks.add(what + " answered " + response.getStatusCode().value() + " instead of " + status);
    }
  }

  private static List<String> ids(ResponseEntity<JsonNode> page, String field) {
    List<String> ids = new ArrayList<>();
    page.getBody().get("items").forEach(item -> ids.add(item.get(field).asText()));
    return ids;
  }

  @Test
  void tenantAdminCannotReachAnyOtherTenant() {
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, a1);
    assertThat(crossings(tenantAdmin, Role.TENANT_ADMIN, List.of(a2, b1))).isEmpty();
  }

  @Test
  void opcoAdminCannotReachAnotherOpcosTenants() {
    Caller opcoAdmin = user(Role.OPCO_ADMIN, opcoA, null);
    assertThat(crossings(opcoAdmin, Role.OPCO_ADMIN, List.of(b1))).isEmpty();
    assertThat(opcoAdmin.get("/api/v1/opcos/" + opcoB).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void listsShowOnlyWhatIsInScope() {
    Caller opcoAdmin = user(Role.OPCO_ADMIN, opcoA, null);
    Caller viewer = user(Role.TENANT_VIEWER, null, a2);

    assertThat(ids(opcoAdmin.get("/api/v1/tenants?size=200"), "id"))
        .contains(a1, a2)
        .doesNotContain(b1);
    assertThat(ids(opcoAdmin.get("/api/v1/opcos"), "id")).containsExactly(opcoA);
    assertThat(ids(viewer.get("/api/v1/sites?size=200"), "tenantId")).containsOnly(a2);
    assertThat(ids(viewer.get("/api/v1/devices?size=200"), "tenantId")).containsOnly(a2);
    assertThat(ids(viewer.get("/api/v1/operations?size=200"), "tenantId")).containsOnly(a2);
    assertThat(ids(viewer.get("/api/v1/tenants"), "id")).containsExactly(a2);
    // filtering by a foreign tenant finds nothing rather than an error that confirms it exists
    assertThat(viewer.get("/api/v1/sites?tenantId=" + b1).getBody().get("totalItems").asLong())
        .isZero();
  }

  @Test
  void opcoAdminCannotCreateTenantsInAnotherOpcoNorProviderAdmins() {
    Caller opcoAdmin = user(Role.OPCO_ADMIN, opcoA, null);
    assertThat(
            opcoAdmin
                .post("/api/v1/tenants", Map.of("name", unique("t"), "opcoId", opcoB))
                .getStatusCode()
                .value())
        .isEqualTo(422);
    assertThat(
            opcoAdmin
                .post(
                    "/api/v1/users",
                    Map.of("username", unique("u"), "password", PASSWORD, "role", "SP_ADMIN"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void aUserNameTakenInAnotherTenantIsNotAvailableRatherThanAConflict() {
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, a1);
    String foreignName =
        admin
            .get("/api/v1/users/" + objects.get(b1).get("users"))
            .getBody()
            .get("username")
            .asText();
    String ownName =
        admin
            .get("/api/v1/users/" + objects.get(a1).get("users"))
            .getBody()
            .get("username")
            .asText();

    ResponseEntity<JsonNode> foreign = tenantAdmin.post("/api/v1/users", newUser(foreignName, a1));
    ResponseEntity<JsonNode> reserved =
        tenantAdmin.post("/api/v1/users", newUser("switchboard-system", a1));
    ResponseEntity<JsonNode> own = tenantAdmin.post("/api/v1/users", newUser(ownName, a1));

    assertThat(foreign.getStatusCode().value()).isEqualTo(422);
    assertThat(foreign.getBody().get("field").asText()).isEqualTo("username");
    assertThat(foreign.getBody().toString()).doesNotContain("exists", foreignName);
    assertThat(foreign.getBody().get("detail")).isEqualTo(reserved.getBody().get("detail"));
    assertThat(own.getStatusCode().value()).as("a user the caller sees").isEqualTo(409);
  }

  @Test
  void aSerialNumberRegisteredInAnotherTenantIsNotAvailableRatherThanAConflict() {
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, a1);
    String foreignSerial =
        admin
            .get("/api/v1/devices/" + objects.get(b1).get("devices"))
            .getBody()
            .get("serialNumber")
            .asText();
    ResponseEntity<JsonNode> response =
        tenantAdmin.post(
            "/api/v1/devices",
            Map.of("tenantId", a1, "serialNumber", foreignSerial, "modelId", model));
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("field").asText()).isEqualTo("serialNumber");
    assertThat(response.getBody().toString()).doesNotContain("registered", foreignSerial);
  }

  @Test
  void tenantNamesAreUniquePerOperatingCompanyOnly() {
    Caller opcoAdminA = user(Role.OPCO_ADMIN, opcoA, null);
    String nameInB = admin.get("/api/v1/tenants/" + b1).getBody().get("name").asText();
    String nameInA = admin.get("/api/v1/tenants/" + a1).getBody().get("name").asText();
    assertThat(opcoAdminA.post("/api/v1/tenants", Map.of("name", nameInB)).getStatusCode().value())
        .as("another reseller's customer name is free here")
        .isEqualTo(201);
    assertThat(opcoAdminA.post("/api/v1/tenants", Map.of("name", nameInA)).getStatusCode().value())
        .isEqualTo(409);
  }

  private static Map<String, Object> newUser(String name, String tenant) {
    return Map.of(
        "username", name, "password", PASSWORD, "role", "TENANT_VIEWER", "tenantId", tenant);
  }
}
