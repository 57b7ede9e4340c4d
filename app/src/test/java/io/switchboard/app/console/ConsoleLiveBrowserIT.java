package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.workflows.ztp.ZtpOnboarding;
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
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's own script in a real browser, on a tenant of its own (Delta, one onboarded
 * simulated device and one that never powers on): a cancel asks first and happens only after the
 * confirm (the console's Content-Security-Policy blocks inline handlers), a compliance check
 * started from the compliance page shows its notice and then its verdict, and the campaign and
 * overlay pages show a change (a pause, a rollout started) without a reload (server-sent events).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLiveBrowserIT extends ConsoleBrowserBase {
  static final String DELTA_ADMIN = "delta-admin";
  static final String DELTA_ADMIN_PASSWORD = "delta-admin-password";
  static SimulatedFleet deltaFleet;
  static String delta;
  static String deltaSerial;
  static String deltaDevice;
  static String waitingOperation;

  @BeforeEach
  void delta() {
    if (delta != null) {
      return;
    }
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    delta = create("/api/v1/tenants", Map.of("name", "Delta " + suffix));
    create(
        "/api/v1/users",
        Map.of(
            "username", DELTA_ADMIN,
            "password", DELTA_ADMIN_PASSWORD,
            "role", "TENANT_ADMIN",
            "tenantId", delta));
    deltaSerial = "CD" + suffix + "04";
    Onboarded onboarded = onboardSimulated(delta, "delta-" + suffix.toLowerCase(), deltaSerial);
    deltaFleet = onboarded.fleet();
    deltaDevice = onboarded.deviceId();
    String model = api("GET", "/api/v1/devices/" + deltaDevice, null).get("modelId").asText();
    // a second device that never powers on: its onboarding waits for the phone-home
    String site =
        create(
            "/api/v1/sites",
            Map.of(
                "tenantId", delta, "name", "delta-dark-" + suffix.toLowerCase(), "type", "BRANCH"));
    String darkSerial = "CE" + suffix + "05";
    String dark =
        create(
            "/api/v1/devices",
            Map.of(
                "tenantId", delta,
                "siteId", site,
                "serialNumber", darkSerial,
                "modelId", model,
                "credentials", Map.of("username", "admin", "password", "admin123"),
                "activationSecret", "activate-" + darkSerial));
    waitingOperation =
        create(
            "/api/v1/operations",
            Map.of(
                "type", ZtpOnboarding.PROCESS_ID, "target", Map.of("kind", "DEVICE", "id", dark)));
  }

  @AfterAll
  static void stopFleet() {
    if (deltaFleet != null) {
      deltaFleet.close();
    }
  }

  private static String operationState(String id) {
    return api("GET", "/api/v1/operations/" + id, null).get("state").asText();
  }

  @Test
  @Order(1)
  void cancellingAnOperationAsksFirstAndCancelsOnlyAfterTheConfirm() {
    signIn(DELTA_ADMIN, DELTA_ADMIN_PASSWORD);
    open("/console/operations/" + waitingOperation);
    waiting(10).until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
    Alert asked = waiting(10).until(ExpectedConditions.alertIsPresent());
    assertThat(asked.getText()).startsWith("Cancel this operation?");
    // "no": nothing is sent, the operation runs on
    asked.dismiss();
    assertThat(browser.findElements(By.id("cancel"))).hasSize(1);
    assertThat(operationState(waitingOperation)).isIn("PENDING", "RUNNING");

    clickLive("cancel");
    waiting(10).until(ExpectedConditions.alertIsPresent()).accept();
    assertThat(noticeMatching("Cancelled."::equals)).isEqualTo("Cancelled.");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> operationState(waitingOperation), "CANCELLED"::equals);
  }

  @Test
  @Order(2)
  void aCheckStartedFromTheCompliancePageShowsItsNoticeThenItsVerdict() throws Exception {
    // someone changes the device by hand: the check finds it, and who did it
    deltaFleet
        .device(deltaSerial)
        .changeOutOfBand("alice", "set system location building 7", "moved the rack");
    open("/console/compliance");
    By row = By.cssSelector("#out-of-sync tr[data-device='" + deltaDevice + "']");
    assertThat(browser.findElements(row)).isEmpty();
    browser.findElement(By.id("check-" + delta)).click();
    // the check is started first (its notice), its verdict comes later, by the page's stream
    String notice = noticeMatching(t -> t.startsWith("Check started"));
    assertThat(notice).startsWith("Check started for the tenant's devices (operation ");
    String check = notice.replaceAll(".*\\(operation ([^)]+)\\).*", "$1");
    waiting(20).until(ExpectedConditions.attributeToBe(By.id("main"), "data-transport", "sse"));
    js("window.sbNotReloaded = true;");
    String verdict =
        waiting(90)
            .ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  List<org.openqa.selenium.WebElement> found = d.findElements(row);
                  return found.isEmpty() ? null : found.get(0).getText();
                });
    assertThat(verdict).contains(deltaSerial).contains("system").contains("alice");
    assertThat(browser.findElement(By.id("c-OUT_OF_SYNC")).getText()).isEqualTo("1");
    assertThat(js("return window.sbNotReloaded === true;")).isEqualTo(true);
    screenshot("compliance-verdict");
    // the check holds the device until it ends: the next test starts a campaign on it
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> operationState(check), "COMPLETED"::equals);
  }

  @Test
  @Order(3)
  void theCampaignPageShowsAPauseAndAResumeWithoutAReload() {
    String image =
        api("GET", "/api/v1/images?modelFamily=srx&version=" + NEWER_VERSION, null)
            .get("items")
            .get(0)
            .get("id")
            .asText();
    // the window opens tomorrow: the campaign waits, steerable, and touches no device
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    String campaign =
        api(
                "POST",
                "/api/v1/upgrade-campaigns",
                Map.of(
                    "tenantId",
                    delta,
                    "name",
                    "delta-live-upgrade",
                    "imageId",
                    image,
                    "window",
                    Map.of(
                        "start", tomorrow.toString(),
                        "end", tomorrow.plus(Duration.ofHours(2)).toString())))
            .get("campaign")
            .get("id")
            .asText();
    String api = "/api/v1/upgrade-campaigns/" + campaign;
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> api("GET", api, null).get("campaign").get("state").asText(), "RUNNING"::equals);
    open("/console/campaigns/" + campaign);
    waiting(20).until(ExpectedConditions.attributeToBe(By.id("main"), "data-transport", "sse"));
    js("window.sbNotReloaded = true;");

    api("POST", api + "/pause", null);
    waiting(30).until(ExpectedConditions.textToBe(By.id("campaign-state"), "PAUSED"));
    // the steering follows the state: resume instead of pause
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("resume")));
    api("POST", api + "/resume", null);
    waiting(30).until(ExpectedConditions.textToBe(By.id("campaign-state"), "RUNNING"));
    assertThat(js("return window.sbNotReloaded === true;")).isEqualTo(true);
    api("POST", api + "/cancel", null);
  }

  @Test
  @Order(4)
  void theOverlayPageShowsARolloutStartingWithoutAReload() {
    String hub = siteWithLink(delta, "delta-hub", "198.51.100.2/24", "198.51.100.1");
    String spoke = siteWithLink(delta, "delta-spoke", "203.0.113.2/24", "203.0.113.1");
    String overlay =
        create(
            "/api/v1/overlays",
            Map.of(
                "tenantId",
                delta,
                "name",
                "delta-live-wan",
                "topology",
                "HUB_SPOKE",
                "hubSiteIds",
                List.of(hub),
                "siteIds",
                List.of(spoke),
                "tunnelPool",
                "10.252.0.0/24"));
    open("/console/overlays/" + overlay);
    assertThat(browser.findElement(By.id("overlay-state")).getText()).isEqualTo("DRAFT");
    waiting(20).until(ExpectedConditions.attributeToBe(By.id("main"), "data-transport", "sse"));
    js("window.sbNotReloaded = true;");

    String rollout =
        api("POST", "/api/v1/overlays/" + overlay + "/rollout", null).get("operationId").asText();
    String shown =
        waiting(30)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#overlay-operations li[data-operation='" + rollout + "']")))
            .getText();
    assertThat(shown).contains("sdwan-rollout");
    assertThat(js("return window.sbNotReloaded === true;")).isEqualTo(true);
    signOut();
  }
}
