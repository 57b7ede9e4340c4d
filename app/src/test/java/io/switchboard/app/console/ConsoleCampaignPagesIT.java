package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.devices.fleet.SimulatedFleet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The campaign pages: Beta's campaign (one onboarded simulated device, waiting for its maintenance
 * window) is listed and shown with its wave, device and devices upgraded at once to Beta only; its
 * steering (pause, resume, cancel, approve) follows the API's role table, and another tenant's
 * campaign is "not found" for every action.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleCampaignPagesIT extends ConsoleTestBase {
  static final String BETA_OPERATOR = "beta-campaign-operator";
  static final String BETA_OPERATOR_PASSWORD = "beta-campaign-operator-password";
  static Fixture f;
  static SimulatedFleet betaFleet;
  static String campaign;
  static String betaSerial;

  @BeforeEach
  void data() {
    if (campaign != null) {
      return;
    }
    f = fixture();
    create(
        "/api/v1/users",
        Map.of(
            "username",
            BETA_OPERATOR,
            "password",
            BETA_OPERATOR_PASSWORD,
            "role",
            "TENANT_OPERATOR",
            "tenantId",
            f.betaTenant()));
    betaSerial = "CC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "03";
    betaFleet =
        onboardSimulated(f.betaTenant(), "beta-" + betaSerial.toLowerCase(), betaSerial).fleet();
    String image =
        api("GET", "/api/v1/images?modelFamily=srx&version=" + NEWER_VERSION, null)
            .get("items")
            .get(0)
            .get("id")
            .asText();
    // the window opens tomorrow: the campaign waits, steerable, and touches no device
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    campaign =
        api(
                "POST",
                "/api/v1/upgrade-campaigns",
                Map.of(
                    "tenantId",
                    f.betaTenant(),
                    "name",
                    "beta-upgrade",
                    "imageId",
                    image,
                    "approvalRequired",
                    true,
                    "maxParallel",
                    7,
                    "window",
                    Map.of(
                        "start", tomorrow.toString(),
                        "end", tomorrow.plus(Duration.ofHours(4)).toString())))
            .get("campaign")
            .get("id")
            .asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(ConsoleCampaignPagesIT::state, "RUNNING"::equals);
  }

  @AfterAll
  static void stopFleet() {
    if (betaFleet != null) {
      betaFleet.close();
    }
  }

  private static ConsoleSession as(String user, String password) {
    ConsoleSession session = new ConsoleSession(BASE);
    assertThat(session.signIn(user, password)).endsWith("/console");
    return session;
  }

  private static String state() {
    return api("GET", "/api/v1/upgrade-campaigns/" + campaign, null)
        .get("campaign")
        .get("state")
        .asText();
  }

  @Test
  @Order(1)
  void theCampaignIsShownWithItsWaveAndDevicesToItsOwnTenantOnly() {
    ConsoleSession viewer = as(VIEWER, VIEWER_PASSWORD);
    assertThat(viewer.get("/console/campaigns").body()).contains("beta-upgrade");
    String page = viewer.get("/console/campaigns/" + campaign).body();
    assertThat(page)
        .contains("beta-upgrade")
        .contains(NEWER_VERSION)
        .contains("data-wave=\"1\"")
        .contains(betaSerial)
        .contains("NOT_STARTED")
        // how many of a wave's devices upgrade at once, as the campaign was planned
        .contains("<dd id=\"campaign-max-parallel\">7 per wave</dd>")
        // a viewer sees no steering
        .doesNotContain("id=\"pause\"")
        .doesNotContain("id=\"approve\"");

    ConsoleSession alpha = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(alpha.get("/console/campaigns").body()).doesNotContain("beta-upgrade");
    HttpResponse<String> other = alpha.get("/console/campaigns/" + campaign);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("Not found");
    for (String action : List.of("pause", "resume", "cancel", "approve")) {
      assertThat(alpha.post("/console/campaigns/" + campaign + "/" + action, Map.of()).statusCode())
          .as(action)
          .isEqualTo(404);
    }
    viewer.get("/console/campaigns/" + campaign);
    for (String action : List.of("pause", "resume", "cancel", "approve")) {
      assertThat(
              viewer.post("/console/campaigns/" + campaign + "/" + action, Map.of()).statusCode())
          .as(action)
          .isEqualTo(403);
    }
    assertThat(state()).isNotIn("PAUSED", "CANCELLED");

    // the page's live stream: Beta's own, not found for Alpha, the sign-in for nobody
    String events = "/console/campaigns/" + campaign + "/events";
    List<String> own = viewer.firstEvent(events);
    assertThat(own.get(0)).isEqualTo("200");
    assertThat(own).contains("event:changed");
    assertThat(alpha.firstEvent(events).get(0)).isEqualTo("404");
    assertThat(new ConsoleSession(BASE).firstEvent(events).get(0)).isEqualTo("302");
  }

  @Test
  @Order(2)
  void anOperatorPausesResumesAndCancelsAndTheApisRefusalsShowOnThePage() {
    ConsoleSession operator = as(BETA_OPERATOR, BETA_OPERATOR_PASSWORD);
    assertThat(operator.get("/console/campaigns/" + campaign).body()).contains("id=\"pause\"");
    HttpResponse<String> paused =
        operator.post("/console/campaigns/" + campaign + "/pause", Map.of());
    assertThat(paused.statusCode()).isEqualTo(302);
    assertThat(state()).isEqualTo("PAUSED");
    String page = operator.get("/console/campaigns/" + campaign).body();
    assertThat(page).contains("Paused: no further wave starts").contains("id=\"resume\"");
    operator.post("/console/campaigns/" + campaign + "/resume", Map.of());
    assertThat(state()).isEqualTo("RUNNING");
    // no approval is open before the window: the API's 409, in its words, on the page
    operator.get("/console/campaigns/" + campaign);
    operator.post("/console/campaigns/" + campaign + "/approve", Map.of("approved", "true"));
    assertThat(operator.get("/console/campaigns/" + campaign).body())
        .contains("the campaign waits for no approval now");
    // the API takes the cancellation; the campaign ends once its process reaches the next wave
    operator.post("/console/campaigns/" + campaign + "/cancel", Map.of());
    assertThat(operator.get("/console/campaigns/" + campaign).body())
        .contains("Cancelled: upgrades under way finish or roll back; no further device starts.");
  }
}
