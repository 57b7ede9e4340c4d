package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (Debian's chromium, headless, through chromedriver) against the
 * application with a simulated device: a tenant operator repairs a stuck onboarding on the diagram,
 * a provider administrator creates a tenant and a user through the forms, another tenant's URLs are
 * "not found", and signing out ends the session. Without a browser the test is skipped, except
 * under CI (env {@code CI} set), where it fails. Screenshots go to {@code
 * target/console-screenshots} and, with {@code -Dswitchboard.console.screenshots=../docs/console},
 * into the docs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends ConsoleBrowserBase {
  @Test
  @Order(1)
  void aTenantOperatorRepairsAStuckOnboardingOnTheDiagram() throws Exception {
    awaitAttention(f.alphaOperation());
    signIn(OPERATOR, OPERATOR_PASSWORD);
    screenshot("dashboard");
    assertThat(browser.findElement(By.id("open-incidents")).getText()).isEqualTo("1");

    browser.findElement(By.linkText("Operations")).click();
    WebElement row =
        waiting(10)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-operation='" + f.alphaOperation() + "']")));
    assertThat(row.getText()).contains("needs attention").contains(f.alphaSerial());
    assertThat(
            browser.findElements(By.cssSelector("tr[data-operation='" + f.betaOperation() + "']")))
        .isEmpty();
    screenshot("operations");

    row.findElement(By.tagName("a")).click();
    // the incident marker sits on the step that failed: the interface check
    WebElement marker =
        waiting(20)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".sb-badge-incident[data-element='verifyInterfaces']")));
    assertThat(marker.getText()).isEqualTo("1");
    assertThat(
            browser.findElements(
                By.cssSelector(".djs-element.sb-incident[data-element-id='verifyInterfaces']")))
        .hasSize(1);
    assertThat(browser.findElements(By.cssSelector(".djs-connection.sb-taken"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".bjs-powered-by"))).isNotEmpty();
    assertThat(browser.findElement(By.id("incidents")).getText())
        .contains("verifyInterfaces")
        .contains(LAN_PORT);
    assertThat(browser.findElement(By.id("variables")).getText()).contains("operationId");
    screenshot("operation-incident");

    // the upgrade the onboarding called on the way is reachable from it, and leads back
    WebElement called = browser.findElement(By.cssSelector("#called a"));
    assertThat(called.getText()).contains("device-upgrade").contains("COMPLETED");
    called.click();
    waiting(20)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".djs-element.sb-completed")));
    assertThat(browser.findElement(By.id("instance-state")).getText()).contains("COMPLETED");
    assertThat(browser.findElements(By.id("retry"))).isEmpty();
    screenshot("called-process");
    browser.findElement(By.linkText("back to the operation's own process")).click();
    waiting(20)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".sb-badge-incident[data-element='verifyInterfaces']")));

    // the page follows the instance by server-sent events while it is open
    waiting(20).until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-transport", "sse"));

    // fix the device, then give the step its retries back and resolve the incident
    fleet.device(f.alphaSerial()).linkUp(LAN_PORT);
    browser.findElement(By.id("retry")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    // the page follows the process by itself until it completes, without a reload (the mark set
    // on this page stays)
    js("window.sbNotReloaded = true;");
    waiting(90).until(ExpectedConditions.textToBe(By.id("operation-state"), "COMPLETED"));
    waiting(10)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".djs-element.sb-completed[data-element-id='markActive']")));
    assertThat(browser.findElements(By.cssSelector(".sb-badge-incident"))).isEmpty();
    assertThat(js("return window.sbNotReloaded === true;")).isEqualTo(true);
    screenshot("operation-completed");

    browser.findElement(By.id("device-link")).click();
    waiting(10).until(ExpectedConditions.textToBe(By.id("device-state"), "ACTIVE"));
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains("ztp-onboarding")
        .contains("COMPLETED");
    // what the onboarding committed to the device, with the operation that did it
    WebElement sent =
        browser.findElement(By.cssSelector("#timeline details.sent[data-part='site'] summary"));
    assertThat(sent.getText()).startsWith("What was sent to the device: site");
    sent.click();
    assertThat(
            browser
                .findElement(By.cssSelector("#timeline details.sent[data-part='site'] pre"))
                .getText())
        .contains("set interfaces " + LAN_PORT);
    screenshot("device");
  }

  @Test
  @Order(2)
  void anotherTenantsUrlsAreNotFoundAndSigningOutEndsTheSession() {
    if (browser.findElements(By.id("signed-in-as")).isEmpty()) {
      signIn(OPERATOR, OPERATOR_PASSWORD);
    }
    open("/console/operations/" + f.betaOperation());
    assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Not found");
    open("/console/devices/" + f.betaDevice());
    assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Not found");
    // a narrow screen: nothing wider than the screen but the tables, which scroll in their box
    browser.manage().window().setSize(new Dimension(400, 860));
    open("/console/operations");
    Object overflow =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(1);
    browser.manage().window().setSize(new Dimension(1280, 1200));
    signOut();
    open("/console/operations/" + f.alphaOperation());
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
  }

  @Test
  @Order(3)
  void aProviderAdministratorCreatesATenantAndAUserThroughTheForms() throws Exception {
    signIn("admin", ADMIN_PASSWORD);
    open("/console/admin/tenants");
    browser.findElement(By.id("create-tenant")).click();
    // the API's own words beside the field
    waiting(10)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("err-name")).getText().isBlank());
    new Select(browser.findElement(By.id("t-opco"))).selectByIndex(1);
    browser.findElement(By.id("t-name")).sendKeys("Initech");
    browser.findElement(By.id("create-tenant")).click();
    assertThat(noticeMatching(t -> t.contains("Initech"))).contains("Initech");
    assertThat(browser.findElement(By.id("tenants")).getText()).contains("Initech");

    open("/console/admin/users");
    browser.findElement(By.id("u-username")).sendKeys("initech-admin");
    browser.findElement(By.id("u-password")).sendKeys("short");
    new Select(browser.findElement(By.id("u-role"))).selectByValue("TENANT_ADMIN");
    new Select(browser.findElement(By.id("u-tenant"))).selectByVisibleText("Initech");
    browser.findElement(By.id("create-user")).click();
    waiting(10)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("err-password")).getText().isBlank());
    assertThat(browser.findElement(By.id("err-password")).getText())
        .isEqualTo("must be 12-200 characters");
    // what was typed stays, but the password is never sent back
    assertThat(browser.findElement(By.id("u-username")).getAttribute("value"))
        .isEqualTo("initech-admin");
    assertThat(browser.findElement(By.id("u-password")).getAttribute("value")).isEmpty();
    browser.manage().window().setSize(new Dimension(1280, 1200));
    screenshot("user-form-errors");
    browser.findElement(By.id("u-password")).sendKeys("initech-admin-password");
    browser.findElement(By.id("create-user")).click();
    assertThat(noticeMatching(t -> t.contains("initech-admin"))).contains("initech-admin");
    List<WebElement> rows = browser.findElements(By.cssSelector("#users tbody tr"));
    assertThat(rows)
        .anySatisfy(r -> assertThat(r.getText()).contains("initech-admin").contains("Initech"));
    open("/console");
    screenshot("dashboard-provider");
    signOut();
  }

  @Test
  @Order(4)
  void aProviderAdministratorBuildsASiteAndADeviceModelThroughTheForms() throws Exception {
    signIn("admin", ADMIN_PASSWORD);
    browser.findElement(By.linkText("Sites")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("site-form")));
    new Select(browser.findElement(By.id("s-tenant"))).selectByValue(f.alphaTenant());
    new Select(browser.findElement(By.id("s-type"))).selectByValue("BRANCH");
    browser.findElement(By.id("create-site")).click();
    waiting(10)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("err-s-name")).getText().isBlank());
    assertThat(browser.findElement(By.id("err-s-name")).getText()).isEqualTo("must not be blank");
    browser.findElement(By.id("s-name")).sendKeys("alpha-nantes");
    browser.findElement(By.id("create-site")).click();
    waiting(10).until(ExpectedConditions.textToBe(By.id("site-name"), "alpha-nantes"));
    browser.findElement(By.id("w-interface")).sendKeys("ge-0/0/0");
    new Select(browser.findElement(By.id("w-access"))).selectByValue("INTERNET");
    new Select(browser.findElement(By.id("w-addressing"))).selectByValue("STATIC");
    browser.findElement(By.id("w-path")).sendKeys("internet");
    browser.findElement(By.id("add-wan-link")).click();
    waiting(10)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("err-w-address")).getText().isBlank());
    browser.findElement(By.id("w-address")).sendKeys("198.51.100.2/24");
    browser.findElement(By.id("w-gateway")).sendKeys("198.51.100.1");
    browser.findElement(By.id("add-wan-link")).click();
    assertThat(noticeMatching(t -> t.contains("ge-0/0/0"))).contains("ge-0/0/0");
    assertThat(browser.findElement(By.id("wan-links")).getText())
        .contains("198.51.100.2/24 via 198.51.100.1");
    screenshot("site");

    browser.findElement(By.linkText("Administration")).click();
    browser.findElement(By.linkText("Device models")).click();
    browser.findElement(By.id("m-name")).sendKeys("SRX345");
    browser.findElement(By.id("m-vendor")).sendKeys("Juniper");
    browser.findElement(By.id("create-model")).click();
    waiting(10)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("err-m-family")).getText().isBlank());
    assertThat(browser.findElement(By.id("m-name")).getAttribute("value")).isEqualTo("SRX345");
    browser.findElement(By.id("m-family")).sendKeys("srx");
    browser.findElement(By.id("create-model")).click();
    assertThat(noticeMatching(t -> t.contains("SRX345"))).contains("SRX345");
    assertThat(browser.findElement(By.id("device-models")).getText()).contains("SRX345");
    signOut();
  }

  @Test
  @Order(5)
  void aTenantOperatorFollowsAnOverlayAndSteersACampaign() throws Exception {
    String spoke =
        create(
            "/api/v1/sites",
            java.util.Map.of(
                "tenantId", f.alphaTenant(), "name", "alpha-rennes", "type", "BRANCH"));
    String hub = api("GET", "/api/v1/devices/" + f.alphaDevice(), null).get("siteId").asText();
    String overlay =
        create(
            "/api/v1/overlays",
            java.util.Map.of(
                "tenantId",
                f.alphaTenant(),
                "name",
                "alpha-browser-wan",
                "topology",
                "HUB_SPOKE",
                "hubSiteIds",
                List.of(hub),
                "siteIds",
                List.of(spoke),
                "tunnelPool",
                "10.254.0.0/24"));
    // the onboarded device is on the newer version now: the campaign takes it to a third one
    String version = "24.2R1.3";
    uploadImage(version);
    String image =
        api("GET", "/api/v1/images?version=" + version, null)
            .get("items")
            .get(0)
            .get("id")
            .asText();
    java.time.Instant tomorrow = java.time.Instant.now().plus(Duration.ofDays(1));
    String campaign =
        api(
                "POST",
                "/api/v1/upgrade-campaigns",
                java.util.Map.of(
                    "tenantId",
                    f.alphaTenant(),
                    "name",
                    "alpha-browser-upgrade",
                    "imageId",
                    image,
                    "window",
                    java.util.Map.of(
                        "start", tomorrow.toString(),
                        "end", tomorrow.plus(Duration.ofHours(2)).toString())))
            .get("campaign")
            .get("id")
            .asText();

    signIn(OPERATOR, OPERATOR_PASSWORD);
    browser.findElement(By.linkText("Overlays")).click();
    browser.findElement(By.linkText("alpha-browser-wan")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("topology")));
    assertThat(
            browser.findElements(By.cssSelector("#topology g.site.hub[data-site='" + hub + "']")))
        .hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#topology g.site.spoke"))).hasSize(1);
    assertThat(browser.findElement(By.id("members")).getText()).contains("alpha-rennes");
    assertThat(browser.findElement(By.id("overlay-state")).getText()).isEqualTo("DRAFT");
    screenshot("overlay");

    browser.findElement(By.linkText("Campaigns")).click();
    browser.findElement(By.linkText("alpha-browser-upgrade")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("waves")));
    assertThat(browser.findElement(By.id("campaign-devices")).getText())
        .contains(f.alphaSerial())
        .contains("NOT_STARTED");
    waiting(30)
        .until(
            d -> {
              d.navigate().refresh();
              return d.findElement(By.id("campaign-state")).getText().equals("RUNNING");
            });
    clickLive("pause");
    assertThat(noticeMatching(t -> t.startsWith("Paused"))).startsWith("Paused");
    assertThat(browser.findElement(By.id("campaign-state")).getText()).isEqualTo("PAUSED");
    screenshot("campaign");
    clickLive("cancel-campaign");
    assertThat(noticeMatching(t -> t.startsWith("Cancelled"))).startsWith("Cancelled");
    assertThat(
            api("GET", "/api/v1/upgrade-campaigns/" + campaign, null)
                .get("campaign")
                .get("state")
                .asText())
        .isNotEqualTo("FAILED");
    signOut();
  }

  @Test
  @Order(7)
  void theOperationsListShowsANewOperationAndItsEndWithoutAReload() {
    signIn(OPERATOR, OPERATOR_PASSWORD);
    open("/console/operations");
    waiting(10)
        .until(ExpectedConditions.attributeToBe(By.id("operations"), "data-transport", "sse"));
    js("window.sbNotReloaded = true;");
    String check =
        api("POST", "/api/v1/devices/" + f.alphaDevice() + "/compliance-checks", null)
            .get("id")
            .asText();
    By row = By.cssSelector("tr[data-operation='" + check + "']");
    waiting(30).until(ExpectedConditions.presenceOfElementLocated(row));
    waiting(60)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(row).getText().contains("COMPLETED"));
    assertThat(browser.findElement(row).getText()).contains("config-compliance");
    assertThat(js("return window.sbNotReloaded === true;")).isEqualTo(true);
    signOut();
  }

  @Test
  @Order(8)
  void aProviderAdministratorBuildsAnOverlayAndAFirewallPolicyThroughTheForms() {
    String hub = api("GET", "/api/v1/devices/" + f.alphaDevice(), null).get("siteId").asText();
    String spoke =
        create(
            "/api/v1/sites",
            java.util.Map.of(
                "tenantId", f.alphaTenant(), "name", "alpha-annecy", "type", "BRANCH"));
    signIn("admin", ADMIN_PASSWORD);

    // an SLA profile, first refused beside the field that is not a number
    open("/console/overlays");
    new Select(browser.findElement(By.id("p-tenant"))).selectByValue(f.alphaTenant());
    type("p-name", "voice");
    type("p-loss", "1");
    type("p-rtt", "150");
    type("p-jitter", "lots");
    browser.findElement(By.id("create-sla")).click();
    assertThat(fieldError("err-p-jitter")).isEqualTo("invalid value 'lots'");
    assertThat(browser.findElement(By.id("p-name")).getAttribute("value")).isEqualTo("voice");
    type("p-jitter", "30");
    browser.findElement(By.id("create-sla")).click();
    assertThat(noticeMatching(t -> t.contains("voice"))).contains("voice");
    assertThat(browser.findElement(By.id("sla-profiles")).getText()).contains("voice");

    // an overlay: no name first, then a hub and a spoke
    new Select(browser.findElement(By.id("o-tenant"))).selectByValue(f.alphaTenant());
    new Select(browser.findElement(By.id("o-topology"))).selectByValue("HUB_SPOKE");
    new Select(browser.findElement(By.id("o-hubs"))).selectByValue(hub);
    new Select(browser.findElement(By.id("o-sites"))).selectByValue(spoke);
    type("o-pool", "10.253.0.0/24");
    browser.findElement(By.id("create-overlay")).click();
    assertThat(fieldError("err-o-name")).isEqualTo("must not be blank");
    assertThat(
            new Select(browser.findElement(By.id("o-sites")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(spoke);
    type("o-name", "alpha-forms-wan");
    browser.findElement(By.id("create-overlay")).click();
    waiting(10).until(ExpectedConditions.textToBe(By.id("overlay-name"), "alpha-forms-wan"));
    assertThat(
            browser.findElements(By.cssSelector("#topology g.site.hub[data-site='" + hub + "']")))
        .hasSize(1);
    assertThat(browser.findElement(By.id("members")).getText()).contains("alpha-annecy");

    // steering rules: added at the end, one moved up, one removed
    type("r-application", "junos-sip");
    new Select(browser.findElement(By.id("r-sla"))).selectByVisibleText("voice");
    browser.findElement(By.id("add-rule")).click();
    assertThat(noticeMatching(t -> t.equals("Steering rule added.")))
        .isEqualTo("Steering rule added.");
    type("r-dscp", "99");
    new Select(browser.findElement(By.id("r-sla"))).selectByVisibleText("voice");
    browser.findElement(By.id("add-rule")).click();
    assertThat(fieldError("err-r-dscp")).isEqualTo("must be less than or equal to 63");
    type("r-dscp", "46");
    browser.findElement(By.id("add-rule")).click();
    assertThat(noticeMatching(t -> t.equals("Steering rule added.")))
        .isEqualTo("Steering rule added.");
    browser.findElement(By.id("rule-up-2")).click();
    assertThat(noticeMatching(t -> t.equals("Steering rule 2 moved up.")))
        .isEqualTo("Steering rule 2 moved up.");
    assertThat(browser.findElement(By.cssSelector("#steering-rules tr[data-order='1']")).getText())
        .contains("DSCP 46");
    browser.findElement(By.id("rule-remove-2")).click();
    assertThat(noticeMatching(t -> t.equals("Steering rule 2 removed.")))
        .isEqualTo("Steering rule 2 removed.");
    assertThat(browser.findElement(By.id("steering-rules")).getText())
        .contains("DSCP 46")
        .doesNotContain("junos-sip");

    // firewall: an address (refused first), a policy, and a rule on it
    open("/console/firewall-objects");
    new Select(browser.findElement(By.id("a-tenant"))).selectByValue(f.alphaTenant());
    type("a-name", "web-servers");
    new Select(browser.findElement(By.id("a-kind"))).selectByValue("PREFIX");
    type("a-value", "10.1.0.0/99");
    browser.findElement(By.id("create-address")).click();
    assertThat(fieldError("err-a-value")).contains("prefix");
    type("a-value", "10.1.0.0/16");
    browser.findElement(By.id("create-address")).click();
    assertThat(noticeMatching(t -> t.contains("web-servers"))).contains("web-servers");
    assertThat(browser.findElement(By.id("addresses")).getText()).contains("10.1.0.0/16");

    open("/console/firewall-policies");
    new Select(browser.findElement(By.id("fp-tenant"))).selectByValue(f.alphaTenant());
    type("fp-name", "alpha-forms-policy");
    browser.findElement(By.id("create-policy")).click();
    waiting(10).until(ExpectedConditions.textToBe(By.id("policy-name"), "alpha-forms-policy"));
    type("f-name", "allow-web");
    type("f-to", "untrust");
    type("f-destinations", "web-servers");
    new Select(browser.findElement(By.id("f-action"))).selectByValue("PERMIT");
    browser.findElement(By.id("add-rule")).click();
    assertThat(fieldError("err-f-from")).isEqualTo("must not be empty");
    type("f-from", "trust");
    browser.findElement(By.id("add-rule")).click();
    assertThat(noticeMatching(t -> t.contains("allow-web"))).contains("allow-web");
    assertThat(browser.findElement(By.cssSelector("#rules tr[data-rule='allow-web']")).getText())
        .contains("web-servers")
        .contains("PERMIT");
    signOut();
  }

  @Test
  @Order(9)
  void aProviderAdministratorCreatesAVnfInstanceAndACampaignThroughTheForms() throws Exception {
    // Gamma: a tenant of its own with an uCPE that never powers on, and a package for it
    String gamma = create("/api/v1/tenants", java.util.Map.of("name", "Gamma " + f.alphaSerial()));
    String model = api("GET", "/api/v1/devices/" + f.alphaDevice(), null).get("modelId").asText();
    String site =
        create(
            "/api/v1/sites",
            java.util.Map.of("tenantId", gamma, "name", "gamma-bergen", "type", "BRANCH"));
    String serial = "CG" + f.alphaSerial().substring(2);
    create(
        "/api/v1/devices",
        java.util.Map.of(
            "tenantId", gamma,
            "siteId", site,
            "serialNumber", serial,
            "modelId", model,
            "credentials", java.util.Map.of("username", "admin", "password", "admin123"),
            "activationSecret", "activate-" + serial));
    io.switchboard.inventory.vnf.VnfPackageBuilder csar =
        io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage("vSRX-browser", "23.4R1");
    byte[] content = csar.build();
    ConsoleSession upload = new ConsoleSession(BASE);
    upload.signIn("admin", ADMIN_PASSWORD);
    upload.get("/console/admin/vnf-packages");
    assertThat(
            upload
                .upload(
                    "/console/admin/vnf-packages",
                    java.util.Map.of("signature", csar.signature(TRUSTED_PRIVATE)),
                    "file",
                    "vsrx.csar",
                    content)
                .statusCode())
        .isEqualTo(302);

    signIn("admin", ADMIN_PASSWORD);
    open("/console/vnf-instances");
    new Select(browser.findElement(By.id("v-tenant"))).selectByValue(gamma);
    new Select(browser.findElement(By.id("v-site"))).selectByVisibleText("gamma-bergen");
    new Select(browser.findElement(By.id("v-device"))).selectByVisibleText(serial);
    for (WebElement option : new Select(browser.findElement(By.id("v-package"))).getOptions()) {
      if (option.getText().startsWith("vSRX-browser")) {
        option.click();
      }
    }
    type("v-flavour", "small");
    type("v-name", "Gamma FW");
    browser.findElement(By.id("create-vnf")).click();
    assertThat(fieldError("err-v-name")).startsWith("must be 1-31 lower-case letters");
    type("v-name", "gamma-fw");
    browser.findElement(By.id("create-vnf")).click();
    waiting(10).until(ExpectedConditions.textToBe(By.id("vnf-name"), "gamma-fw"));
    assertThat(browser.findElement(By.id("vnf-state")).getText()).isEqualTo("NOT_INSTANTIATED");
    browser.findElement(By.id("instantiate")).click();
    assertThat(noticeMatching(t -> t.startsWith("Instantiating"))).startsWith("Instantiating");

    // a campaign: a window that closes before it opens is refused beside the field
    open("/console/campaigns");
    new Select(browser.findElement(By.id("k-tenant"))).selectByValue(f.alphaTenant());
    type("k-name", "alpha-forms-upgrade");
    for (WebElement option : new Select(browser.findElement(By.id("k-image"))).getOptions()) {
      if (option.getText().endsWith("24.2R1.3")) {
        option.click();
      }
    }
    type("k-serial", "1, 50%");
    java.time.LocalDateTime tomorrow =
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(1).withSecond(0).withNano(0);
    datetime("k-start", tomorrow.plusHours(2));
    datetime("k-end", tomorrow);
    browser.findElement(By.id("create-campaign")).click();
    assertThat(fieldError("err-k-end")).isEqualTo("must be after window.start");
    datetime("k-end", tomorrow.plusHours(4));
    browser.findElement(By.id("create-campaign")).click();
    waiting(10).until(ExpectedConditions.textToBe(By.id("campaign-name"), "alpha-forms-upgrade"));
    assertThat(noticeMatching(t -> t.contains("alpha-forms-upgrade")))
        .contains("alpha-forms-upgrade");
    clickLive("cancel-campaign");
    assertThat(noticeMatching(text -> text.startsWith("Cancelled"))).startsWith("Cancelled");
    signOut();
  }
}
