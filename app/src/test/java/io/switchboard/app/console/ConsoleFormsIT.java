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

  @Test
  void aPolicyIsRenamedAndDeletedThroughTheFormsAndAWrongValueIsRefusedBesideItsField() {
    String doomed =
        create(
            "/api/v1/firewall-policies",
            Map.of("tenantId", f.alphaTenant(), "name", "alpha-rename-me", "rules", List.of()));
    String page = "/console/firewall-policies/" + doomed;
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    // the form shows what the policy is now, and asks before a delete
    assertThat(admin.get(page).body())
        .contains("id=\"edit-policy-form\"")
        .contains("value=\"alpha-rename-me\"")
        .contains("data-confirm=\"Delete the policy alpha-rename-me");
    HttpResponse<String> refused =
        admin.post(page + "/edit", Map.of("name", "bad name!", "priority", "5"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"err-pe-name\">must be letters, digits, dots, dashes and underscores")
        .contains("value=\"bad name!\"");
    assertThat(admin.post(page + "/edit", Map.of("name", "alpha-forms-it", "priority", "5")).body())
        .contains("id=\"err-pe-name\">the tenant has a policy named &#39;alpha-forms-it&#39;");
    HttpResponse<String> saved =
        admin.post(
            page + "/edit",
            Map.of("name", "alpha-renamed", "description", "web edge", "priority", "7"));
    assertThat(saved.statusCode()).isEqualTo(302);
    var renamed = api("GET", "/api/v1/firewall-policies/" + doomed, null);
    assertThat(renamed.get("name").asText()).isEqualTo("alpha-renamed");
    assertThat(renamed.get("description").asText()).isEqualTo("web edge");
    assertThat(renamed.get("priority").asInt()).isEqualTo(7);
    assertThat(admin.get(page).body()).contains("Policy &#39;alpha-renamed&#39; saved.");

    HttpResponse<String> deleted = admin.post(page + "/delete", Map.of());
    assertThat(deleted.headers().firstValue("Location").orElse(""))
        .endsWith("/console/firewall-policies");
    assertThat(admin.get(page).statusCode()).isEqualTo(404);

    // an operator may not, another tenant's admin finds nothing
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/console/firewall-policies/" + policy).body())
        .doesNotContain("edit-policy-form");
    assertThat(
            operator.post("/console/firewall-policies/" + policy + "/edit", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(
            operator
                .post("/console/firewall-policies/" + policy + "/delete", Map.of())
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aDeploymentTakesSomeOfThePolicysSitesAndAWindow() {
    // Beta's own device is still being onboarded (it never phones home): that operation holds it
    String oslo = api("GET", "/api/v1/devices/" + f.betaDevice(), null).get("siteId").asText();
    // a device registered at east that nothing holds; the deployment waits for tomorrow's window
    String east = site(f.betaTenant(), "beta-deploy-east");
    create(
        "/api/v1/devices",
        Map.of(
            "tenantId",
            f.betaTenant(),
            "siteId",
            east,
            "serialNumber",
            "CE" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            "modelId",
            api("GET", "/api/v1/devices/" + f.betaDevice(), null).get("modelId").asText(),
            "credentials",
            Map.of("username", "admin", "password", "admin123")));
    String west = site(f.betaTenant(), "beta-deploy-west");
    String elsewhere = site(f.betaTenant(), "beta-deploy-elsewhere");
    String published =
        create(
            "/api/v1/firewall-policies",
            Map.of(
                "tenantId", f.betaTenant(),
                "name", "beta-deploy-some",
                "siteIds", List.of(oslo, east, west),
                "rules",
                    List.of(
                        Map.of(
                            "name", "allow-web",
                            "fromZones", List.of("trust"),
                            "toZones", List.of("untrust"),
                            "applications", List.of("junos-http"),
                            "action", "PERMIT"))));
    api("POST", "/api/v1/firewall-policies/" + published + "/publish", null);
    String deploy = "/console/firewall-policies/" + published + "/deploy";
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    String page = admin.get("/console/firewall-policies/" + published).body();
    // the sites offered are the policy's own
    assertThat(page).contains("id=\"d-sites\"").contains("beta-oslo");
    String offered = page.substring(page.indexOf("id=\"d-sites\""));
    offered = offered.substring(0, offered.indexOf("</select>"));
    assertThat(offered).contains("beta-deploy-west").doesNotContain("beta-deploy-elsewhere");
    HttpResponse<String> notItsSite = admin.post(deploy, Map.of("siteIds", elsewhere));
    assertThat(notItsSite.statusCode()).isEqualTo(400);
    assertThat(notItsSite.body()).containsPattern("id=\"err-d-sites\">[^<]+");
    // the device another operation holds: refused, and the page says by what, above the form
    HttpResponse<String> held = admin.post(deploy, Map.of("siteIds", oslo));
    assertThat(held.statusCode()).isEqualTo(400);
    assertThat(held.body())
        .containsPattern("class=\"problem\" role=\"alert\">[^<]*" + f.betaOperation());
    String tomorrow =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString() + "T02:00";
    String before =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString() + "T01:00";
    HttpResponse<String> backwards =
        admin.post(deploy, Map.of("siteIds", east, "window.start", tomorrow, "window.end", before));
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("id=\"err-d-end\">must be after window.start");
    HttpResponse<String> started =
        admin.post(deploy, Map.of("siteIds", east, "window.start", tomorrow));
    assertThat(started.statusCode()).isEqualTo(302);
    String operation = started.headers().firstValue("Location").orElseThrow();
    assertThat(operation).contains("/console/operations/");
    // the deployment is to the one site asked for, and its process waits for the window given
    assertThat(
            api("GET", "/api/v1/firewall-policies/" + published + "/deployments", null)
                .findValuesAsText("siteId"))
        .containsOnly(east);
    String operationPage = operation.substring(operation.indexOf("/console/"));
    String shown =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(30))
            .pollInterval(java.time.Duration.ofMillis(500))
            .until(() -> admin.get(operationPage).body(), b -> b.contains("windowStart"));
    assertThat(shown).contains(tomorrow + ":00Z");
    api(
        "POST",
        "/api/v1/operations/" + operation.substring(operation.lastIndexOf('/') + 1) + "/cancel",
        null);
  }

  @Test
  void aCampaignsSelectionIsTakenFromItsFieldsAndItsRefusalShownAboveTheForm() {
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    String form = admin.get("/console/campaigns").body();
    assertThat(form)
        .contains("id=\"k-models\"")
        .contains("id=\"k-versions\"")
        .contains("id=\"k-devices\"")
        .contains("id=\"k-canary\"")
        .contains("id=\"k-reboot\"");
    String image =
        api("GET", "/api/v1/images?modelFamily=srx&version=" + NEWER_VERSION, null)
            .get("items")
            .get(0)
            .get("id")
            .asText();
    // no device of Alpha runs this version: the selection selects nothing, in the API's words
    HttpResponse<String> none =
        admin.post(
            "/console/campaigns",
            Map.of(
                "tenantId",
                f.alphaTenant(),
                "name",
                "alpha-nothing",
                "imageId",
                image,
                "currentVersions",
                "9.9R9"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("selects no device to upgrade").contains("value=\"9.9R9\"");
    // a device by name that is not Alpha's: refused beside the devices, the choice kept
    HttpResponse<String> foreign =
        admin.post(
            "/console/campaigns",
            Map.of(
                "tenantId",
                f.alphaTenant(),
                "name",
                "alpha-nothing",
                "imageId",
                image,
                "deviceIds",
                f.betaDevice()));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body())
        .containsPattern("id=\"err-k-devices\">device &#39;" + f.betaDevice() + "&#39; not found")
        .containsPattern("<option value=\"" + f.betaDevice() + "\" selected=\"selected\"");
    assertThat(
            api("GET", "/api/v1/upgrade-campaigns?tenantId=" + f.alphaTenant(), null)
                .get("items")
                .findValuesAsText("name"))
        .doesNotContain("alpha-nothing");
  }

  private static String site(String tenant, String name) {
    return create("/api/v1/sites", Map.of("tenantId", tenant, "name", name, "type", "BRANCH"));
  }

  @Test
  void anOverlayAndAnSlaProfileAreRenamedAndDeletedAsTheApiAllows() {
    String hub = api("GET", "/api/v1/devices/" + f.alphaDevice(), null).get("siteId").asText();
    String draft =
        create(
            "/api/v1/overlays",
            Map.of(
                "tenantId", f.alphaTenant(),
                "name", "alpha-draft-it",
                "topology", "FULL_MESH",
                "siteIds", List.of(hub),
                "tunnelPool", "10.251.0.0/24"));
    String sla =
        create(
            "/api/v1/sla-profiles",
            Map.of(
                "tenantId", f.alphaTenant(),
                "name", "alpha-video",
                "maxLossPercent", 1,
                "maxRttMs", 150,
                "maxJitterMs", 30));
    api(
        "PUT",
        "/api/v1/overlays/" + draft + "/steering-rules",
        List.of(Map.of("application", "junos-rtsp", "slaProfileId", sla)));
    String page = "/console/overlays/" + draft;
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    assertThat(admin.get(page).body())
        .contains("value=\"alpha-draft-it\"")
        .contains("data-confirm=\"Delete the overlay alpha-draft-it");
    HttpResponse<String> blank = admin.post(page + "/rename", Map.of("name", " "));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("id=\"err-ov-name\">must not be blank");
    assertThat(admin.post(page + "/rename", Map.of("name", "alpha-forms-it")).body())
        .contains("id=\"err-ov-name\">the tenant has an overlay named &#39;alpha-forms-it&#39;");
    assertThat(admin.post(page + "/rename", Map.of("name", "alpha-draft-renamed")).statusCode())
        .isEqualTo(302);
    assertThat(api("GET", page.replace("/console/", "/api/v1/"), null).get("name").asText())
        .isEqualTo("alpha-draft-renamed");

    // the profile a steering rule uses stays, with the overlay that uses it named
    admin.get("/console/overlays");
    admin.post("/console/overlays/sla-profiles/" + sla + "/delete", Map.of());
    assertThat(admin.get("/console/overlays").body())
        .contains("is used by the steering rules of alpha-draft-renamed");
    admin.post("/console/overlays/sla-profiles/" + sla + "/rename", Map.of("name", "bad name!"));
    assertThat(admin.get("/console/overlays").body())
        .contains("SLA profile not renamed: must be letters, digits and dashes");
    admin.post("/console/overlays/sla-profiles/" + sla + "/rename", Map.of("name", "alpha-tv"));
    assertThat(admin.get("/console/overlays").body())
        .contains("SLA profile renamed to &#39;alpha-tv&#39;.");

    // an operator may not, another tenant's admin finds nothing
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get(page).body()).doesNotContain("rename-overlay-form");
    for (String path :
        List.of(
            page + "/rename",
            page + "/delete",
            "/console/overlays/sla-profiles/" + sla + "/rename",
            "/console/overlays/sla-profiles/" + sla + "/delete")) {
      assertThat(operator.post(path, Map.of("name", "x")).statusCode()).as(path).isEqualTo(403);
      assertThat(betaAdmin().post(path, Map.of("name", "x")).statusCode()).as(path).isEqualTo(404);
    }

    // a draft goes with its steering rules; then the profile is free to go
    assertThat(admin.post(page + "/delete", Map.of()).headers().firstValue("Location").orElse(""))
        .endsWith("/console/overlays");
    assertThat(admin.get("/console/overlays").body()).contains("Overlay deleted.");
    assertThat(admin.get(page).statusCode()).isEqualTo(404);
    admin.post("/console/overlays/sla-profiles/" + sla + "/delete", Map.of());
    assertThat(admin.get("/console/overlays").body())
        .contains("SLA profile deleted.")
        .doesNotContain("data-sla=\"" + sla + "\"");
  }

  @Test
  void aFirewallObjectARuleUsesStaysAndAnUnusedOneIsDeleted() {
    String used =
        create(
            "/api/v1/address-objects",
            Map.of(
                "tenantId", f.alphaTenant(),
                "name", "alpha-used-net",
                "kind", "PREFIX",
                "value", "10.9.0.0/16"));
    String spare =
        create(
            "/api/v1/address-objects",
            Map.of(
                "tenantId", f.alphaTenant(),
                "name", "alpha-spare-net",
                "kind", "PREFIX",
                "value", "10.8.0.0/16"));
    create(
        "/api/v1/firewall-policies",
        Map.of(
            "tenantId", f.alphaTenant(),
            "name", "alpha-uses-net",
            "rules",
                List.of(
                    Map.of(
                        "name", "to-used",
                        "fromZones", List.of("trust"),
                        "toZones", List.of("untrust"),
                        "destinations", List.of("alpha-used-net"),
                        "action", "PERMIT"))));
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    assertThat(admin.get("/console/firewall-objects").body())
        .contains("data-confirm=\"Delete the address alpha-spare-net?\"");
    String delete = "/console/firewall-objects/addresses/";
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.post(delete + spare + "/delete", Map.of()).statusCode()).isEqualTo(403);
    assertThat(betaAdmin().post(delete + spare + "/delete", Map.of()).statusCode()).isEqualTo(404);

    admin.post(delete + used + "/delete", Map.of());
    assertThat(admin.get("/console/firewall-objects").body())
        .contains("address &#39;alpha-used-net&#39; is used by policy alpha-uses-net");
    admin.post(delete + spare + "/delete", Map.of());
    String after = admin.get("/console/firewall-objects").body();
    assertThat(after).contains("Address deleted.").doesNotContain("alpha-spare-net");
    assertThat(after).contains("alpha-used-net");
  }

  static boolean betaEditsAdmin;

  /** Beta's tenant admin, signed in (created the first time). */
  private static synchronized ConsoleSession betaAdmin() {
    String user = "beta-edits-admin";
    if (!betaEditsAdmin) {
      betaEditsAdmin = true;
      create(
          "/api/v1/users",
          Map.of(
              "username",
              user,
              "password",
              "beta-edits-admin-password",
              "role",
              "TENANT_ADMIN",
              "tenantId",
              f.betaTenant()));
    }
    ConsoleSession session = as(user, "beta-edits-admin-password");
    session.get("/console/overlays");
    return session;
  }
}
