package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every console endpoint answers with the signed-in user's scope and role, as the API does: another
 * tenant's operation, process instance or device is "not found", a role without RUN may not repair,
 * no form is accepted without its CSRF token, and the API keeps HTTP Basic without a session.
 */
class ConsoleScopeIT extends ConsoleTestBase {
  static Fixture f;
  static String betaKey;

  @BeforeEach
  void data() {
    if (betaKey != null) {
      return;
    }
    f = fixture();
    betaKey =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(30))
            .until(
                () -> api("GET", "/api/v1/operations/" + f.betaOperation(), null),
                o -> o.hasNonNull("processInstanceKey"))
            .get("processInstanceKey")
            .asText();
  }

  private static ConsoleSession as(String user, String password) {
    ConsoleSession session = new ConsoleSession(BASE);
    assertThat(session.signIn(user, password)).endsWith("/console");
    return session;
  }

  @Test
  void anonymousVisitorsAreSentToTheSignInForm() {
    ConsoleSession anonymous = new ConsoleSession(BASE);
    assertThat(anonymous.get("/").headers().firstValue("Location").orElse("")).endsWith("/console");
    for (String path :
        new String[] {
          "/console",
          "/console/operations",
          "/console/operations/" + f.alphaOperation(),
          "/console/devices/" + f.alphaDevice(),
          "/console/admin/tenants",
          "/console/admin/users",
          "/console/sites",
          "/console/overlays",
          "/console/firewall-policies",
          "/console/vnf-instances",
          "/console/campaigns",
          "/console/compliance",
          "/console/firewall-objects",
          "/console/admin/opcos",
          "/console/admin/device-models",
          "/console/admin/images",
          "/console/admin/vnf-packages"
        }) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElse(""))
          .as(path)
          .endsWith("/console/login");
    }
    assertThat(anonymous.get("/console/login").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/console/assets/console.css").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/console/assets/bpmn-js/bpmn-viewer.production.min.js").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefusedAndASignInNeedsItsCsrfToken() {
    ConsoleSession session = new ConsoleSession(BASE);
    assertThat(session.signIn(OPERATOR, "not-the-password")).endsWith("/console/login?error");
    ConsoleSession noToken = new ConsoleSession(BASE);
    HttpResponse<String> refused =
        noToken.postRaw(
            "/console/login", Map.of("username", OPERATOR, "password", OPERATOR_PASSWORD));
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void anotherTenantsObjectsAreNotFound() {
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    for (String path :
        new String[] {
          "/console/operations/" + f.alphaOperation(), "/console/devices/" + f.alphaDevice(),
        }) {
      HttpResponse<String> response = viewer.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).contains("Not found");
    }
    // its own are there
    assertThat(viewer.get("/console/operations/" + f.betaOperation()).statusCode()).isEqualTo(200);
    assertThat(viewer.get("/console/devices/" + f.betaDevice()).statusCode()).isEqualTo(200);
    String list = viewer.get("/console/operations").body();
    assertThat(list).contains(f.betaOperation()).doesNotContain(f.alphaOperation());
    String devices = viewer.get("/console/devices").body();
    assertThat(devices).contains(f.betaDevice()).doesNotContain(f.alphaDevice());

    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    String base = "/console/operations/" + f.alphaOperation() + "/process/" + betaKey;
    // Beta's process instance under Alpha's operation: not Alpha's, so not found
    assertThat(operator.get(base).statusCode()).isEqualTo(404);
    assertThat(operator.get(base + "/live").statusCode()).isEqualTo(404);
    assertThat(operator.get(base + "/diagram.xml").statusCode()).isEqualTo(404);
    String other = "/console/operations/" + f.betaOperation() + "/process/" + betaKey;
    assertThat(operator.get(other).statusCode()).isEqualTo(404);
    assertThat(operator.get(other + "/live").statusCode()).isEqualTo(404);
    assertThat(operator.get(other + "/diagram.xml").statusCode()).isEqualTo(404);
    operator.get("/console/operations");
    assertThat(
            operator
                .post("/console/operations/" + f.betaOperation() + "/cancel", Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(
            operator
                .post("/console/operations/" + f.betaOperation() + "/retry", Map.of())
                .statusCode())
        .isEqualTo(404);
    // the dashboard counts only Alpha
    assertThat(operator.get("/console").body()).doesNotContain("Beta ");
  }

  @Test
  void complianceActionsFollowTheScopeAndTheRoleTable() {
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    operator.get("/console/compliance");
    String beta = "/console/devices/" + f.betaDevice() + "/compliance";
    // Beta's device from Alpha's operator: not found, for every action
    assertThat(operator.post(beta + "/check", Map.of()).statusCode()).isEqualTo(404);
    assertThat(operator.post(beta + "/preview", Map.of("mode", "REVERT")).statusCode())
        .isEqualTo(404);
    assertThat(operator.post(beta + "/reconcile", Map.of("mode", "REVERT")).statusCode())
        .isEqualTo(404);
    assertThat(
            operator
                .post("/console/compliance/checks", Map.of("tenantId", f.betaTenant()))
                .headers()
                .firstValue("Location")
                .orElse(""))
        .endsWith("/console/compliance");
    assertThat(operator.get("/console/compliance").body()).contains("not found");
    assertThat(operator.get("/console/compliance?tenantId=" + f.betaTenant()).statusCode())
        .isEqualTo(404);
    // adopting is for tenant admins and above, even on the operator's own device
    String alpha = "/console/devices/" + f.alphaDevice() + "/compliance";
    assertThat(operator.post(alpha + "/preview", Map.of("mode", "ADOPT")).statusCode())
        .isEqualTo(403);
    assertThat(operator.post(alpha + "/reconcile", Map.of("mode", "ADOPT")).statusCode())
        .isEqualTo(403);
    // a viewer reads the summary but runs no check
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    String summary = viewer.get("/console/compliance").body();
    assertThat(summary).contains("Beta ").doesNotContain("Alpha ").doesNotContain("Check all now");
    assertThat(viewer.get("/console/devices/" + f.betaDevice()).body())
        .contains("Configuration compliance")
        .doesNotContain("check-now");
    assertThat(
            viewer
                .post("/console/devices/" + f.betaDevice() + "/compliance/check", Map.of())
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void liveEventsFollowTheScope() {
    String events = "/console/operations/" + f.betaOperation() + "/process/" + betaKey + "/events";
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    List<String> own = viewer.firstEvent(events);
    assertThat(own.get(0)).isEqualTo("200");
    assertThat(own.get(1)).startsWith("text/event-stream");
    assertThat(own).contains("event:live");
    assertThat(own).anySatisfy(l -> assertThat(l).startsWith("data:").contains("operationState"));
    List<String> list = viewer.firstEvent("/console/operations/events?state=RUNNING");
    assertThat(list.get(0)).isEqualTo("200");
    assertThat(list).contains("event:changed");
    // Beta's stream from Alpha's operator: not found, as the page is; no session: the sign-in
    assertThat(as(OPERATOR, OPERATOR_PASSWORD).firstEvent(events).get(0)).isEqualTo("404");
    assertThat(new ConsoleSession(BASE).firstEvent(events).get(0)).isEqualTo("302");
  }

  @Test
  void aTenantOfTheProviderItselfIsListedWithoutAnOperatingCompany() {
    String solo = "Solo " + java.util.UUID.randomUUID().toString().substring(0, 6);
    create("/api/v1/tenants", Map.of("name", solo));
    HttpResponse<String> page = as("admin", ADMIN_PASSWORD).get("/console/admin/tenants");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(solo).contains("— (the provider&#39;s own)");
  }

  @Test
  void theCompliancePagesLiveStreamFollowsTheScope() {
    String own = "/console/compliance/events?tenantId=" + f.betaTenant();
    List<String> events = as(VIEWER, VIEWER_PASSWORD).firstEvent(own);
    assertThat(events.get(0)).isEqualTo("200");
    assertThat(events.get(1)).startsWith("text/event-stream");
    assertThat(events).contains("event:changed");
    // the whole scope without a tenant; Beta's tenant from Alpha's operator: not found
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.firstEvent("/console/compliance/events").get(0)).isEqualTo("200");
    assertThat(operator.firstEvent(own).get(0)).isEqualTo("404");
    assertThat(new ConsoleSession(BASE).firstEvent(own).get(0)).isEqualTo("302");
  }

  @Test
  void theOwnProcessAnswersItsDiagramAndLiveState() {
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    String base = "/console/operations/" + f.betaOperation() + "/process/" + betaKey;
    HttpResponse<String> xml = viewer.get(base + "/diagram.xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("ztp-onboarding");
    HttpResponse<String> live = viewer.get(base + "/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"takenFlows\"").contains("\"signature\"");
  }

  @Test
  void aViewerMayNotRepairNorCreateAndNoFormIsTakenWithoutItsToken() {
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    viewer.get("/console/operations/" + f.betaOperation());
    assertThat(
            viewer
                .post("/console/operations/" + f.betaOperation() + "/cancel", Map.of())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            viewer
                .post(
                    "/console/admin/users",
                    Map.of(
                        "username",
                        "x-user",
                        "password",
                        "long-enough-pass",
                        "role",
                        "TENANT_VIEWER"))
                .statusCode())
        .isEqualTo(403);
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(
            operator
                .postRaw("/console/operations/" + f.alphaOperation() + "/cancel", Map.of())
                .statusCode())
        .isEqualTo(403);
    assertThat(api("GET", "/api/v1/operations/" + f.alphaOperation(), null).get("state").asText())
        .isNotEqualTo("CANCELLED");
  }

  @Test
  void providerPagesShowEveryTenant() {
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    String dashboard = admin.get("/console").body();
    assertThat(dashboard).contains("Alpha ").contains("Beta ");
    String list = admin.get("/console/operations?serial=" + f.alphaSerial()).body();
    assertThat(list).contains(f.alphaOperation()).doesNotContain(f.betaOperation());
    String bySite = admin.get("/console/operations?site=beta-oslo").body();
    assertThat(bySite).contains(f.betaOperation()).doesNotContain(f.alphaOperation());
    assertThat(admin.get("/console/admin/tenants").body()).contains("Alpha ").contains("Beta ");
    assertThat(admin.get("/console/admin/users").body()).contains(OPERATOR).contains(VIEWER);
    assertThat(admin.get("/console/operations?sort=nonsense,asc").statusCode()).isEqualTo(400);
  }

  @Test
  void signingOutEndsTheSession() {
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/console").statusCode()).isEqualTo(200);
    HttpResponse<String> out = operator.post("/console/logout", Map.of());
    assertThat(out.headers().firstValue("Location").orElse(""))
        .endsWith("/console/login?signedOut");
    assertThat(operator.get("/console").statusCode()).isEqualTo(302);
  }

  @Test
  void theApiKeepsBasicWithoutASessionAndIgnoresTheConsoleCookie() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> basic =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + "/api/v1/operations"))
                .header("Authorization", basic(OPERATOR, OPERATOR_PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(200);
    assertThat(basic.headers().firstValue("Set-Cookie")).isEmpty();

    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/api/v1/operations").statusCode()).isEqualTo(401);
  }

  @Test
  void tenantUsersSeeTheirOwnTenantOnlyAndMayNotCreateOne() {
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    String tenants = operator.get("/console/admin/tenants").body();
    assertThat(tenants).contains("Alpha ").doesNotContain("Beta ");
    assertThat(operator.post("/console/admin/tenants", Map.of("name", "Sneaky")).statusCode())
        .isEqualTo(403);
    String users = operator.get("/console/admin/users").body();
    assertThat(users).contains(OPERATOR).doesNotContain(VIEWER);
    assertThat(
            operator
                .post(
                    "/console/admin/users",
                    Map.of(
                        "username", "sneaky-user",
                        "password", "sneaky-user-password",
                        "role", "TENANT_VIEWER",
                        "tenantId", f.alphaTenant()))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aSessionEndsWhenItsAccountIsDisabled() {
    String id =
        create(
            "/api/v1/users",
            Map.of(
                "username", "beta-short-lived",
                "password", "beta-short-lived-password",
                "role", "TENANT_VIEWER",
                "tenantId", f.betaTenant()));
    ConsoleSession user = as("beta-short-lived", "beta-short-lived-password");
    assertThat(user.get("/console/operations").statusCode()).isEqualTo(200);
    api("PATCH", "/api/v1/users/" + id, Map.of("enabled", false));
    HttpResponse<String> after = user.get("/console/operations");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/console/login");
    assertThat(user.get("/console").statusCode()).isEqualTo(302);
  }
}
