package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The create and edit forms of the network and service pages follow the API's role table and tenant
 * scope: a role without the right sees no form and gets 403 on its address, another tenant's
 * overlay, policy or VNF instance is "not found" for every form, and a refusal shows the API's
 * words beside the field, with status 400.
 */
class ConsoleFormsIT extends ConsoleTestBase {
  static Fixture f;
  static String overlay;
  static String policy;

  @BeforeEach
  void data() {
    if (policy != null) {
      return;
    }
    f = fixture();
    String hub = api("GET", "/api/v1/devices/" + f.alphaDevice(), null).get("siteId").asText();
    overlay =
        create(
            "/api/v1/overlays",
            Map.of(
                "tenantId", f.alphaTenant(),
                "name", "alpha-forms-it",
                "topology", "FULL_MESH",
                "siteIds", List.of(hub),
                "tunnelPool", "10.252.0.0/24"));
    policy =
        create(
            "/api/v1/firewall-policies",
            Map.of("tenantId", f.alphaTenant(), "name", "alpha-forms-it", "rules", List.of()));
  }

  private static ConsoleSession as(String user, String password) {
    ConsoleSession session = new ConsoleSession(BASE);
    assertThat(session.signIn(user, password)).endsWith("/console");
    return session;
  }

  @Test
  void aRoleWithoutTheRightSeesNoFormAndIsRefused() {
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/console/overlays").body())
        .doesNotContain("overlay-form")
        .doesNotContain("sla-form");
    assertThat(operator.get("/console/overlays/" + overlay).body()).doesNotContain("steering-form");
    assertThat(operator.get("/console/firewall-policies/" + policy).body())
        .doesNotContain("rule-form");
    assertThat(operator.get("/console/vnf-instances").body()).doesNotContain("vnf-form");
    assertThat(operator.get("/console/campaigns").body()).doesNotContain("campaign-form");
    assertThat(operator.get("/console/firewall-objects").body()).doesNotContain("address-form");
    Map<String, String> any = Map.of("tenantId", f.alphaTenant(), "name", "x");
    for (String path :
        List.of(
            "/console/overlays",
            "/console/overlays/sla-profiles",
            "/console/overlays/" + overlay + "/steering-rules",
            "/console/firewall-policies",
            "/console/firewall-policies/" + policy + "/rules",
            "/console/firewall-objects/addresses",
            "/console/firewall-objects/address-groups",
            "/console/firewall-objects/applications",
            "/console/vnf-instances",
            "/console/campaigns")) {
      assertThat(operator.post(path, any).statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  void anotherTenantsObjectsAreNotFoundForEveryForm() {
    ConsoleSession betaAdmin = new ConsoleSession(BASE);
    String user = "beta-forms-admin";
    create(
        "/api/v1/users",
        Map.of(
            "username",
            user,
            "password",
            "beta-forms-admin-password",
            "role",
            "TENANT_ADMIN",
            "tenantId",
            f.betaTenant()));
    assertThat(betaAdmin.signIn(user, "beta-forms-admin-password")).endsWith("/console");
    betaAdmin.get("/console/overlays");
    for (String path :
        List.of(
            "/console/overlays/" + overlay + "/steering-rules",
            "/console/overlays/" + overlay + "/steering-rules/1/up",
            "/console/overlays/" + overlay + "/sites",
            "/console/firewall-policies/" + policy + "/rules",
            "/console/firewall-policies/" + policy + "/rules/1/remove",
            "/console/firewall-policies/" + policy + "/deploy")) {
      assertThat(betaAdmin.post(path, Map.of("slaProfileId", "x")).statusCode())
          .as(path)
          .isEqualTo(404);
    }
  }

  @Test
  void aRefusalShowsTheApisWordsBesideTheField() {
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    admin.get("/console/firewall-policies/" + policy);
    HttpResponse<String> badRule =
        admin.post(
            "/console/firewall-policies/" + policy + "/rules",
            Map.of("name", "bad name!", "fromZones", "trust", "toZones", "untrust"));
    assertThat(badRule.statusCode()).isEqualTo(400);
    assertThat(badRule.body())
        .contains("id=\"err-f-name\">must be letters, digits, dots, dashes and underscores")
        .contains("id=\"err-f-action\">must not be null")
        .contains("value=\"bad name!\"");
    // a deployment of a policy never published: the service's refusal above the form
    HttpResponse<String> deploy =
        admin.post("/console/firewall-policies/" + policy + "/deploy", Map.of("batchSize", "x"));
    assertThat(deploy.statusCode()).isEqualTo(400);
    assertThat(deploy.body()).contains("id=\"err-d-batch\">invalid value &#39;x&#39;");
    // an out-of-range position in the ordered list
    assertThat(
            admin
                .post("/console/overlays/" + overlay + "/steering-rules/7/remove", Map.of())
                .statusCode())
        .isEqualTo(404);
  }
}
