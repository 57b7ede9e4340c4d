package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sites and overlays pages answer with the signed-in user's scope and role, as the API does:
 * another tenant's site or overlay is "not found" (for reading and for every form), a viewer may
 * not change anything, and a form refused by the API's rules shows the API's words beside the field
 * and keeps what was typed.
 */
class ConsoleNetworkPagesIT extends ConsoleTestBase {
  static final String BETA_ADMIN = "beta-admin";
  static final String BETA_ADMIN_PASSWORD = "beta-admin-password";
  static Fixture f;
  static String alphaSite;
  static String betaSite;
  static String alphaOverlay;
  static String betaOverlay;

  @BeforeEach
  void data() {
    if (alphaOverlay != null) {
      return;
    }
    f = fixture();
    create(
        "/api/v1/users",
        Map.of(
            "username",
            BETA_ADMIN,
            "password",
            BETA_ADMIN_PASSWORD,
            "role",
            "TENANT_ADMIN",
            "tenantId",
            f.betaTenant()));
    alphaSite = siteNamed("alpha-paris");
    betaSite = siteNamed("beta-oslo");
    String alphaSpoke =
        create(
            "/api/v1/sites",
            Map.of("tenantId", f.alphaTenant(), "name", "alpha-lyon", "type", "BRANCH"));
    alphaOverlay = overlay(f.alphaTenant(), "alpha-wan", alphaSite, List.of(alphaSpoke));
    betaOverlay = overlay(f.betaTenant(), "beta-wan", betaSite, List.of());
  }

  private static String siteNamed(String name) {
    return api("GET", "/api/v1/sites?name=" + name, null).get("items").get(0).get("id").asText();
  }

  private static String overlay(String tenant, String name, String hub, List<String> spokes) {
    return create(
        "/api/v1/overlays",
        Map.of(
            "tenantId",
            tenant,
            "name",
            name,
            "topology",
            "HUB_SPOKE",
            "hubSiteIds",
            List.of(hub),
            "siteIds",
            spokes,
            "tunnelPool",
            "10.255.0.0/24"));
  }

  private static ConsoleSession as(String user, String password) {
    ConsoleSession session = new ConsoleSession(BASE);
    assertThat(session.signIn(user, password)).endsWith("/console");
    return session;
  }

  @Test
  void anotherTenantsSiteIsNotFoundForReadingAndForEveryForm() {
    ConsoleSession admin = as(BETA_ADMIN, BETA_ADMIN_PASSWORD);
    String list = admin.get("/console/sites").body();
    assertThat(list).contains("beta-oslo").doesNotContain("alpha-paris");
    assertThat(admin.get("/console/sites/" + betaSite).statusCode()).isEqualTo(200);
    HttpResponse<String> other = admin.get("/console/sites/" + alphaSite);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("Not found");
    admin.get("/console/sites");
    Map<String, String> site = Map.of("name", "taken-over", "type", "HUB");
    assertThat(admin.post("/console/sites/" + alphaSite, site).statusCode()).isEqualTo(404);
    Map<String, String> link =
        Map.of(
            "interfaceName", "ge-0/0/0",
            "accessType", "INTERNET",
            "addressing", "DHCP",
            "pathLabel", "internet");
    assertThat(admin.post("/console/sites/" + alphaSite + "/wan-links", link).statusCode())
        .isEqualTo(404);
    assertThat(admin.post("/console/sites/" + alphaSite + "/delete", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(
            admin
                .post("/console/sites/" + alphaSite + "/wan-links/any/delete", Map.of())
                .statusCode())
        .isEqualTo(404);
    Map<String, String> segment = Map.of("name", "lan", "prefix", "10.9.0.0/24");
    assertThat(admin.post("/console/sites/" + alphaSite + "/lan-segments", segment).statusCode())
        .isEqualTo(404);
    // a site in another tenant is refused by the field that names the tenant
    HttpResponse<String> elsewhere =
        admin.post(
            "/console/sites",
            Map.of("tenantId", f.alphaTenant(), "name", "sneaky", "type", "BRANCH"));
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(fieldError(elsewhere.body(), "s-tenant")).isNotBlank();
    assertThat(api("GET", "/api/v1/sites/" + alphaSite, null).get("name").asText())
        .isEqualTo("alpha-paris");
    assertThat(api("GET", "/api/v1/sites?name=sneaky", null).get("items")).isEmpty();
  }

  @Test
  void aViewerReadsSitesButMayChangeNothing() {
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    String page = viewer.get("/console/sites/" + betaSite).body();
    assertThat(page).contains("beta-oslo").doesNotContain("id=\"wan-form\"");
    assertThat(viewer.get("/console/sites").body()).doesNotContain("id=\"site-form\"");
    assertThat(
            viewer
                .post(
                    "/console/sites",
                    Map.of("tenantId", f.betaTenant(), "name", "v", "type", "HUB"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            viewer
                .post("/console/sites/" + betaSite, Map.of("name", "renamed", "type", "HUB"))
                .statusCode())
        .isEqualTo(403);
    assertThat(viewer.post("/console/sites/" + betaSite + "/delete", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(api("GET", "/api/v1/sites/" + betaSite, null).get("name").asText())
        .isEqualTo("beta-oslo");
  }

  @Test
  void aTenantAdminBuildsASiteThroughTheFormsWithTheApisWordsBesideTheFields() {
    ConsoleSession admin = as(BETA_ADMIN, BETA_ADMIN_PASSWORD);
    admin.get("/console/sites");
    HttpResponse<String> blank =
        admin.post("/console/sites", Map.of("tenantId", f.betaTenant(), "type", "BRANCHY"));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(fieldError(blank.body(), "s-name")).isEqualTo("must not be blank");
    assertThat(fieldError(blank.body(), "s-type"))
        .isEqualTo("invalid value 'BRANCHY', expected one of [BRANCH, HUB, DATA_CENTRE]");
    HttpResponse<String> taken =
        admin.post(
            "/console/sites",
            Map.of("tenantId", f.betaTenant(), "name", "beta-oslo", "type", "HUB"));
    assertThat(fieldError(taken.body(), "s-name")).contains("beta-oslo");

    HttpResponse<String> created =
        admin.post(
            "/console/sites",
            Map.of(
                "tenantId", f.betaTenant(),
                "name", "beta-bergen",
                "type", "BRANCH",
                "targetSoftwareVersion", "23.4R1.9"));
    assertThat(created.statusCode()).isEqualTo(302);
    String path = created.headers().firstValue("Location").orElseThrow();
    path = path.substring(path.indexOf("/console/sites/"));
    assertThat(admin.get(path).body())
        .contains("beta-bergen")
        .contains("Site &#39;beta-bergen&#39; created.");

    HttpResponse<String> noAddress =
        admin.post(
            path + "/wan-links",
            Map.of(
                "interfaceName", "ge-0/0/0",
                "accessType", "MPLS",
                "addressing", "STATIC",
                "pathLabel", "mpls",
                "priority", "many"));
    assertThat(noAddress.statusCode()).isEqualTo(400);
    assertThat(fieldError(noAddress.body(), "w-priority")).isEqualTo("invalid value 'many'");
    HttpResponse<String> noGateway =
        admin.post(
            path + "/wan-links",
            Map.of(
                "interfaceName", "ge-0/0/0",
                "accessType", "MPLS",
                "addressing", "STATIC",
                "pathLabel", "mpls"));
    assertThat(fieldError(noGateway.body(), "w-address"))
        .isEqualTo("a static link needs an address such as 198.51.100.2/24");
    // what was typed stays in the form
    assertThat(noGateway.body()).contains("value=\"ge-0/0/0\"");
    HttpResponse<String> link =
        admin.post(
            path + "/wan-links",
            Map.of(
                "interfaceName", "ge-0/0/0",
                "accessType", "MPLS",
                "addressing", "STATIC",
                "address", "198.51.100.2/24",
                "gateway", "198.51.100.1",
                "pathLabel", "mpls",
                "priority", "10"));
    assertThat(link.statusCode()).isEqualTo(302);
    HttpResponse<String> badPrefix =
        admin.post(path + "/lan-segments", Map.of("name", "office", "prefix", "10.1.0.0"));
    assertThat(fieldError(badPrefix.body(), "l-prefix"))
        .isEqualTo("must be an IPv4 prefix such as 192.168.10.0/24");
    assertThat(
            admin
                .post(
                    path + "/lan-segments",
                    Map.of(
                        "name", "office", "vlanId", "10", "prefix", "10.1.0.0/24", "dhcp", "true"))
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> renamed =
        admin.post(path, Map.of("name", "beta-bergen-2", "type", "HUB", "address", "Bryggen 1"));
    assertThat(renamed.statusCode()).isEqualTo(302);

    String page = admin.get(path).body();
    assertThat(page).contains("198.51.100.2/24 via 198.51.100.1").contains("10.1.0.0/24");
    String id = path.substring("/console/sites/".length());
    assertThat(api("GET", "/api/v1/sites/" + id, null).get("name").asText())
        .isEqualTo("beta-bergen-2");
    assertThat(
            api("GET", "/api/v1/sites/" + id + "/wan-links", null).get(0).get("priority").asInt())
        .isEqualTo(10);
    assertThat(
            api("GET", "/api/v1/sites/" + id + "/lan-segments", null)
                .get(0)
                .get("dhcp")
                .asBoolean())
        .isTrue();

    // deleting: the WAN link; a site (without devices); a site with devices stays
    String linkId =
        api("GET", "/api/v1/sites/" + id + "/wan-links", null).get(0).get("id").asText();
    admin.get(path);
    assertThat(admin.post(path + "/wan-links/" + linkId + "/delete", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(api("GET", "/api/v1/sites/" + id + "/wan-links", null)).isEmpty();
    // a site with nothing on it goes (the API refuses nothing there)
    String bare =
        create(
            "/api/v1/sites",
            Map.of("tenantId", f.betaTenant(), "name", "beta-trondheim", "type", "BRANCH"));
    admin.get("/console/sites/" + bare);
    HttpResponse<String> deleted = admin.post("/console/sites/" + bare + "/delete", Map.of());
    assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/console/sites");
    assertThat(admin.get("/console/sites").body())
        .contains("Site &#39;beta-trondheim&#39; deleted.")
        .doesNotContain("data-site=\"" + bare + "\"");
    HttpResponse<String> kept = admin.post("/console/sites/" + betaSite + "/delete", Map.of());
    assertThat(kept.headers().firstValue("Location").orElse(""))
        .endsWith("/console/sites/" + betaSite);
    assertThat(admin.get("/console/sites/" + betaSite).body())
        .contains("is still used by")
        .contains(" device");
  }

  @Test
  void overlaysAreScopedAndDrawnWithTheirSitesAndNoKeys() {
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    String list = operator.get("/console/overlays").body();
    assertThat(list).contains("alpha-wan").doesNotContain("beta-wan");
    HttpResponse<String> mine = operator.get("/console/overlays/" + alphaOverlay);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body())
        .contains("<svg id=\"topology\"")
        .contains("data-site=\"" + alphaSite + "\"")
        .contains("class=\"site hub\"")
        .contains("alpha-lyon")
        .contains("id=\"rollout\"");
    assertThat(operator.get("/console/overlays/" + betaOverlay).statusCode()).isEqualTo(404);
    assertThat(
            operator.post("/console/overlays/" + betaOverlay + "/rollout", Map.of()).statusCode())
        .isEqualTo(404);

    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    assertThat(viewer.get("/console/overlays/" + alphaOverlay).statusCode()).isEqualTo(404);
    String own = viewer.get("/console/overlays/" + betaOverlay).body();
    assertThat(own).contains("beta-wan").doesNotContain("id=\"rollout\"");
    assertThat(viewer.post("/console/overlays/" + betaOverlay + "/rollout", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(api("GET", "/api/v1/overlays/" + betaOverlay, null).get("state").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void anOverlaysLiveStreamAnswersItsOwnTenantOnly() {
    String events = "/console/overlays/" + betaOverlay + "/events";
    java.util.List<String> own = as(VIEWER, VIEWER_PASSWORD).firstEvent(events);
    assertThat(own.get(0)).isEqualTo("200");
    assertThat(own.get(1)).startsWith("text/event-stream");
    assertThat(own).contains("event:changed");
    assertThat(own).anySatisfy(l -> assertThat(l).startsWith("data:").contains("signature"));
    // Alpha's operator: not found, as the page is; no session: the sign-in
    assertThat(as(OPERATOR, OPERATOR_PASSWORD).firstEvent(events).get(0)).isEqualTo("404");
    assertThat(new ConsoleSession(BASE).firstEvent(events).get(0)).isEqualTo("302");
  }

  @Test
  void theRolloutPreviewShowsTunnelsAndCommandsWithKeysHiddenOrWhyNoneIsPossible() {
    String hub = siteWithLink(f.alphaTenant(), "alpha-plan-hub", "198.51.100.2/24", "198.51.100.1");
    String spoke =
        siteWithLink(f.alphaTenant(), "alpha-plan-spoke", "203.0.113.2/24", "203.0.113.1");
    String overlay = overlay(f.alphaTenant(), "alpha-plan", hub, List.of(spoke));
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/console/overlays/" + overlay).body())
        .contains("id=\"preview-rollout\"");
    HttpResponse<String> plan = operator.get("/console/overlays/" + overlay + "/plan");
    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.body())
        .contains("data-tunnel=\"")
        .contains("alpha-plan-hub")
        .contains("alpha-plan-spoke")
        .contains("set security ike")
        .contains("&lt;hidden&gt;");
    // nothing was written: the overlay is still a draft without tunnels
    assertThat(api("GET", "/api/v1/overlays/" + overlay, null).get("tunnels")).isEmpty();
    // a site without a WAN link cannot be planned: the API's reason, on the overlay's page
    HttpResponse<String> refused = operator.get("/console/overlays/" + alphaOverlay + "/plan");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(operator.get("/console/overlays/" + alphaOverlay).body())
        .contains("No rollout is possible now: ");
    assertThat(operator.get("/console/overlays/" + betaOverlay + "/plan").statusCode())
        .isEqualTo(404);
  }

  /** The text beside the field whose input has {@code id}. */
  static String fieldError(String html, String id) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"err-" + id + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as("error element of " + id).isTrue();
    return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
  }
}
