package io.switchboard.app.console;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.vnf.VnfPackageBuilder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The firewall and VNF pages: Alpha's policy shows its rules in order, its versions and deployments
 * to Alpha only, and only a role that may write policies publishes one; Beta's VNF instance (on a
 * package uploaded through the console's form) shows to Beta only, and its occurrence actions are
 * "not found" for another tenant.
 */
class ConsoleServicePagesIT extends ConsoleTestBase {
  static Fixture f;
  static String policy;
  static String instance;
  static String packageId;

  @BeforeEach
  void data() throws Exception {
    if (instance != null) {
      return;
    }
    f = fixture();
    policy =
        create(
            "/api/v1/firewall-policies",
            Map.of(
                "tenantId", f.alphaTenant(),
                "name", "alpha-edge",
                "rules",
                    List.of(
                        rule("allow-web", "PERMIT", List.of("junos-http")),
                        rule("deny-rest", "DENY", List.of()))));
    VnfPackageBuilder csar = aPackage("vSRX-console", "23.4R1");
    byte[] content = csar.build();
    ConsoleSession admin = new ConsoleSession(BASE);
    admin.signIn("admin", ADMIN_PASSWORD);
    admin.get("/console/admin/vnf-packages");
    HttpResponse<String> uploaded =
        admin.upload(
            "/console/admin/vnf-packages",
            Map.of("signature", csar.signature(TRUSTED_PRIVATE)),
            "file",
            "vsrx.csar",
            content);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    assertThat(admin.get("/console/admin/vnf-packages").body())
        .contains("vSRX-console")
        .contains("VNF package vSRX-console 23.4R1 onboarded.");
    packageId =
        api("GET", "/api/v1/vnf-packages?productName=vSRX-console", null)
            .get("items")
            .get(0)
            .get("id")
            .asText();
    instance = betaInstance("beta-vsrx", null);
  }

  /** A VNF instance of the uploaded package on Beta's device (never instantiated). */
  private static String betaInstance(String name, Integer wanVlan) {
    String betaSite = api("GET", "/api/v1/devices/" + f.betaDevice(), null).get("siteId").asText();
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of(
                "tenantId",
                f.betaTenant(),
                "siteId",
                betaSite,
                "deviceId",
                f.betaDevice(),
                "packageId",
                packageId,
                "flavourId",
                "small",
                "name",
                name));
    if (wanVlan != null) {
      body.put("wanVlan", wanVlan);
    }
    return create("/api/v1/vnf-instances", body);
  }

  private static Map<String, Object> rule(String name, String action, List<String> apps) {
    return Map.of(
        "name", name,
        "fromZones", List.of("trust"),
        "toZones", List.of("untrust"),
        "applications", apps,
        "action", action);
  }

  private static ConsoleSession as(String user, String password) {
    ConsoleSession session = new ConsoleSession(BASE);
    assertThat(session.signIn(user, password)).endsWith("/console");
    return session;
  }

  @Test
  void aPolicyShowsItsRulesInOrderAndOnlyAWriterPublishesIt() {
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/console/firewall-policies").body()).contains("alpha-edge");
    String page = operator.get("/console/firewall-policies/" + policy).body();
    assertThat(page.indexOf("allow-web")).isPositive().isLessThan(page.indexOf("deny-rest"));
    assertThat(page).contains("junos-http").contains("No version published yet.");
    assertThat(page).doesNotContain("id=\"publish\"");
    assertThat(
            operator
                .post("/console/firewall-policies/" + policy + "/publish", Map.of())
                .statusCode())
        .isEqualTo(403);

    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    assertThat(viewer.get("/console/firewall-policies").body()).doesNotContain("alpha-edge");
    assertThat(viewer.get("/console/firewall-policies/" + policy).statusCode()).isEqualTo(404);

    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    admin.get("/console/firewall-policies/" + policy);
    HttpResponse<String> published =
        admin.post("/console/firewall-policies/" + policy + "/publish", Map.of());
    assertThat(published.statusCode()).isEqualTo(302);
    String after = admin.get("/console/firewall-policies/" + policy).body();
    assertThat(after).contains("Version 1 published").contains("data-version=\"1\"");
    assertThat(api("GET", "/api/v1/firewall-policies/" + policy + "/versions", null)).hasSize(1);
  }

  @Test
  void aVnfInstanceShowsToItsOwnTenantOnly() {
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    assertThat(viewer.get("/console/vnf-instances").body()).contains("beta-vsrx");
    String page = viewer.get("/console/vnf-instances/" + instance).body();
    assertThat(page)
        .contains("beta-vsrx")
        .contains("vSRX-console 23.4R1")
        .contains("No lifecycle operation yet.");

    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/console/vnf-instances").body()).doesNotContain("beta-vsrx");
    assertThat(operator.get("/console/vnf-instances/" + instance).statusCode()).isEqualTo(404);
    operator.get("/console/vnf-instances");
    for (String action : List.of("retry", "rollback", "fail")) {
      assertThat(
              operator
                  .post(
                      "/console/vnf-instances/" + instance + "/occurrences/nope/" + action,
                      Map.of())
                  .statusCode())
          .as(action)
          .isEqualTo(404);
    }
  }

  @Test
  void aVnfInstanceIsHealedOrDeletedOnlyAsTheApiAllows() {
    String page = "/console/vnf-instances/" + instance;
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    // never instantiated: it can be deleted (after a confirm), not healed
    assertThat(admin.get(page).body())
        .contains("id=\"delete-vnf\"")
        .contains("data-confirm=\"Delete the VNF instance beta-vsrx?\"")
        .doesNotContain("id=\"heal\"");
    assertThat(admin.post(page + "/heal", Map.of("cause", "probe failed")).statusCode())
        .isEqualTo(302);
    assertThat(admin.get(page).body()).contains("nothing to heal");

    create(
        "/api/v1/users",
        Map.of(
            "username", "alpha-vnf-admin",
            "password", "alpha-vnf-admin-password",
            "role", "TENANT_ADMIN",
            "tenantId", f.alphaTenant()));
    ConsoleSession alphaAdmin = as("alpha-vnf-admin", "alpha-vnf-admin-password");
    alphaAdmin.get("/console/vnf-instances");
    assertThat(alphaAdmin.post(page + "/heal", Map.of()).statusCode()).isEqualTo(404);
    assertThat(alphaAdmin.post(page + "/delete", Map.of()).statusCode()).isEqualTo(404);
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    assertThat(viewer.get(page).body()).doesNotContain("id=\"delete-vnf\"");
    assertThat(viewer.post(page + "/heal", Map.of()).statusCode()).isEqualTo(403);
    assertThat(viewer.post(page + "/delete", Map.of()).statusCode()).isEqualTo(403);

    // on the same device: a WAN VLAN of its own
    String spare = betaInstance("beta-spare", 4002);
    admin.get("/console/vnf-instances/" + spare);
    HttpResponse<String> deleted =
        admin.post("/console/vnf-instances/" + spare + "/delete", Map.of());
    assertThat(deleted.headers().firstValue("Location").orElse(""))
        .endsWith("/console/vnf-instances");
    assertThat(admin.get("/console/vnf-instances/" + spare).statusCode()).isEqualTo(404);
    assertThat(admin.get(page).statusCode()).isEqualTo(200);
  }
}
