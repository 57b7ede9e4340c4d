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
      objects.put(
          tenant,
          Map.of("tenants", tenant, "sites", site, "devices", device, "operations", operation));
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
}
