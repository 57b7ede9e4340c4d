package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A password check is never trusted longer than the account it belongs to: deleting, disabling,
 * changing the role, scope or password of a user ends its old access on the very next request.
 */
class AccountLifecycleIT extends ApiIT {

  private String createUser(String name, String password, Role role, String tenant) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", name);
    body.put("password", password);
    body.put("role", role.name());
    if (tenant != null) {
      body.put("tenantId", tenant);
    }
    return admin.create("/api/v1/users", body);
  }

  private int status(Caller caller, String path) {
    return caller.get(path).getStatusCode().value();
  }

  private ResponseEntity<JsonNode> patch(Caller caller, String id, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("application/merge-patch+json"));
    return caller
        .template()
        .exchange(
            "/api/v1/users/" + id,
            HttpMethod.PATCH,
            new HttpEntity<>(body, headers),
            JsonNode.class);
  }

  @Test
  void aDeletedUserIsRefusedAtOnce() {
    String tenant = newTenant(null);
    String name = unique("leaver");
    String id = createUser(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    Caller leaver = as(name);
    assertThat(status(leaver, "/api/v1/tenants/" + tenant)).isEqualTo(200);

    assertThat(admin.delete("/api/v1/users/" + id).getStatusCode().value()).isEqualTo(204);

    assertThat(status(leaver, "/api/v1/tenants/" + tenant)).isEqualTo(401);
    assertThat(
            leaver
                .post(
                    "/api/v1/users",
                    Map.of(
                        "username",
                        unique("minted"),
                        "password",
                        PASSWORD,
                        "role",
                        "TENANT_ADMIN",
                        "tenantId",
                        tenant))
                .getStatusCode()
                .value())
        .isEqualTo(401);
  }

  @Test
  void aUserRecreatedUnderTheSameNameGetsOnlyItsNewScope() {
    String oldTenant = newTenant(null);
    String newTenant = newTenant(null);
    String name = unique("reborn");
    String id = createUser(name, PASSWORD, Role.TENANT_VIEWER, oldTenant);
    Caller user = as(name);
    assertThat(status(user, "/api/v1/tenants/" + oldTenant)).isEqualTo(200);

    admin.delete("/api/v1/users/" + id);
    createUser(name, PASSWORD, Role.TENANT_VIEWER, newTenant);

    assertThat(status(user, "/api/v1/tenants/" + oldTenant)).isEqualTo(404);
    assertThat(status(user, "/api/v1/tenants/" + newTenant)).isEqualTo(200);
  }

  @Test
  void aChangedPasswordEndsTheOldOneAndSelfServiceNeedsTheOldPassword() {
    String tenant = newTenant(null);
    String name = unique("changer");
    String id = createUser(name, PASSWORD, Role.TENANT_VIEWER, tenant);
    Caller before = as(name);
    assertThat(status(before, "/api/v1/sites")).isEqualTo(200);

    ResponseEntity<JsonNode> noOld =
        before.put("/api/v1/users/" + id + "/password", Map.of("newPassword", "a brand new pass"));
    assertThat(noOld.getStatusCode().value()).isEqualTo(400);
    assertThat(noOld.getBody().get("field").asText()).isEqualTo("oldPassword");
    ResponseEntity<JsonNode> wrongOld =
        before.put(
            "/api/v1/users/" + id + "/password",
            Map.of("oldPassword", "not my password", "newPassword", "a brand new pass"));
    assertThat(wrongOld.getStatusCode().value()).isEqualTo(400);
    assertThat(status(before, "/api/v1/sites")).as("nothing changed yet").isEqualTo(200);

    ResponseEntity<JsonNode> changed =
        before.put(
            "/api/v1/users/" + id + "/password",
            Map.of("oldPassword", PASSWORD, "newPassword", "a brand new pass"));
    assertThat(changed.getStatusCode().value()).isEqualTo(204);

    assertThat(status(before, "/api/v1/sites")).isEqualTo(401);
    assertThat(status(new Caller(name, "a brand new pass"), "/api/v1/sites")).isEqualTo(200);
  }

  @Test
  void anAdminResetsAPasswordWithoutTheOldOneButOnlyInScope() {
    String tenant = newTenant(null);
    String other = newTenant(null);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    String name = unique("forgetful");
    String id = createUser(name, PASSWORD, Role.TENANT_VIEWER, tenant);
    String foreign = createUser(unique("foreign"), PASSWORD, Role.TENANT_VIEWER, other);

    assertThat(
            tenantAdmin
                .put("/api/v1/users/" + id + "/password", Map.of("newPassword", "reset by admin!"))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(status(as(name), "/api/v1/sites")).isEqualTo(401);
    assertThat(status(new Caller(name, "reset by admin!"), "/api/v1/sites")).isEqualTo(200);
    assertThat(
            tenantAdmin
                .put(
                    "/api/v1/users/" + foreign + "/password",
                    Map.of("newPassword", "reset by admin!"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);
    assertThat(
            viewer
                .put("/api/v1/users/" + id + "/password", Map.of("newPassword", "viewers cannot!"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void aDisabledUserIsRefusedAtOnceAndWorksAgainWhenEnabled() {
    String tenant = newTenant(null);
    String name = unique("paused");
    String id = createUser(name, PASSWORD, Role.TENANT_VIEWER, tenant);
    Caller paused = as(name);
    assertThat(status(paused, "/api/v1/sites")).isEqualTo(200);

    ResponseEntity<JsonNode> disabled = patch(admin, id, Map.of("enabled", false));
    assertThat(disabled.getStatusCode().value()).isEqualTo(200);
    assertThat(disabled.getBody().get("enabled").asBoolean()).isFalse();
    ResponseEntity<JsonNode> refused = paused.get("/api/v1/sites");
    assertThat(refused.getStatusCode().value()).isEqualTo(401);
    ResponseEntity<JsonNode> wrong = new Caller(name, "not the password").get("/api/v1/sites");
    assertThat(refused.getBody())
        .as("disabled answers like a wrong password")
        .isEqualTo(wrong.getBody());

    patch(admin, id, Map.of("enabled", true));
    assertThat(status(paused, "/api/v1/sites")).isEqualTo(200);
  }

  @Test
  void aRoleChangeEndsTheOldPowersAtOnce() {
    String tenant = newTenant(null);
    String name = unique("demoted");
    String id = createUser(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    Caller demoted = as(name);
    Map<String, Object> site = Map.of("tenantId", tenant, "name", unique("s"), "type", "HUB");
    assertThat(demoted.post("/api/v1/sites", site).getStatusCode().value()).isEqualTo(201);

    ResponseEntity<JsonNode> changed = patch(admin, id, Map.of("role", "TENANT_VIEWER"));
    assertThat(changed.getStatusCode().value()).isEqualTo(200);
    assertThat(changed.getBody().get("role").asText()).isEqualTo("TENANT_VIEWER");
    assertThat(changed.getBody().get("tenantId").asText()).isEqualTo(tenant);

    Map<String, Object> another = Map.of("tenantId", tenant, "name", unique("s"), "type", "HUB");
    assertThat(demoted.post("/api/v1/sites", another).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aScopeChangeMovesTheUserToItsNewTenantAtOnce() {
    String from = newTenant(null);
    String to = newTenant(null);
    String name = unique("mover");
    String id = createUser(name, PASSWORD, Role.TENANT_VIEWER, from);
    Caller mover = as(name);
    assertThat(status(mover, "/api/v1/tenants/" + from)).isEqualTo(200);

    assertThat(patch(admin, id, Map.of("tenantId", to)).getStatusCode().value()).isEqualTo(200);

    assertThat(status(mover, "/api/v1/tenants/" + from)).isEqualTo(404);
    assertThat(status(mover, "/api/v1/tenants/" + to)).isEqualTo(200);
  }

  @Test
  void updatesFollowTheRoleTable() {
    String opco = newOpco();
    String tenant = newTenant(opco);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    Caller opcoAdmin = user(Role.OPCO_ADMIN, opco, null);
    String viewer = createUser(unique("v"), PASSWORD, Role.TENANT_VIEWER, tenant);

    assertThat(
            patch(tenantAdmin, viewer, Map.of("role", "OPCO_ADMIN", "opcoId", opco))
                .getStatusCode()
                .value())
        .as("a tenant admin cannot promote above its level")
        .isEqualTo(403);
    assertThat(patch(opcoAdmin, viewer, Map.of("role", "SP_ADMIN")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            patch(tenantAdmin, viewer, Map.of("role", "TENANT_OPERATOR")).getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<JsonNode> promoted =
        patch(opcoAdmin, viewer, Map.of("role", "OPCO_ADMIN", "opcoId", opco));
    assertThat(promoted.getStatusCode().value()).isEqualTo(200);
    assertThat(promoted.getBody().get("tenantId").isNull()).isTrue();
    assertThat(patch(tenantAdmin, viewer, Map.of("enabled", false)).getStatusCode().value())
        .as("now above the tenant admin's level and out of its scope")
        .isEqualTo(404);
  }

  @Test
  void badPatchesNameTheField() {
    String tenant = newTenant(null);
    String id = createUser(unique("p"), PASSWORD, Role.TENANT_VIEWER, tenant);
    ResponseEntity<JsonNode> password = patch(admin, id, Map.of("password", "sneaky-new-pass"));
    assertThat(password.getStatusCode().value()).isEqualTo(400);
    assertThat(password.getBody().get("field").asText()).isEqualTo("password");
    ResponseEntity<JsonNode> role = patch(admin, id, Map.of("role", "EMPEROR"));
    assertThat(role.getBody().get("field").asText()).isEqualTo("role");
    ResponseEntity<JsonNode> enabled = patch(admin, id, Map.of("enabled", "nope"));
    assertThat(enabled.getBody().get("field").asText()).isEqualTo("enabled");
    ResponseEntity<JsonNode> missingTenant =
        patch(
            admin,
            id,
            new HashMap<>(Map.of("role", "TENANT_ADMIN")) {
              {
                put("tenantId", null);
              }
            });
    assertThat(missingTenant.getStatusCode().value()).isEqualTo(400);
    assertThat(missingTenant.getBody().get("field").asText()).isEqualTo("tenantId");
  }

  @Test
  void nobodyChangesTheirOwnRoleNorTheSystemAccount() {
    String self = users.findByUsername(ADMIN).orElseThrow().getId();
    assertThat(patch(admin, self, Map.of("enabled", false)).getStatusCode().value()).isEqualTo(409);
    String system = users.findByUsername("switchboard-system").orElseThrow().getId();
    assertThat(patch(admin, system, Map.of("enabled", false)).getStatusCode().value())
        .isEqualTo(409);
    assertThat(admin.delete("/api/v1/users/" + system).getStatusCode().value()).isEqualTo(409);
    assertThat(
            admin
                .put("/api/v1/users/" + system + "/password", Map.of("newPassword", "taken over!!"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }
}
