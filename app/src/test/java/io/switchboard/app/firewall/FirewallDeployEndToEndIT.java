package io.switchboard.app.firewall;

import static io.switchboard.app.firewall.FirewallFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.camel.junos.JunosFirewallRoutes;
import io.switchboard.camel.junos.MatchPolicyQuery;
import io.switchboard.camel.junos.MatchedPolicy;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.devices.config.CommitOptions;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.firewall.ConfigCompare;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.inventory.device.DeviceRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every path of firewall-policy-deploy, from REST to the rules on simulated SRXs over real NETCONF,
 * with the real BPMN on the embedded engine and the real workers: happy (the preview is what the
 * deployment changes; the device's own policy lookup enforces the rules; another tenant sees
 * nothing), one rule moved, commit check refused, verification failed and rolled back, threshold
 * passed and the previous version restored, maintenance window, unreachable device.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FirewallDeployEndToEndIT {
  private static final int PORT = freePort();
  private static final String ADMIN_PASSWORD = "e2e-admin-password";
  private static final String LAN = "lan";

  @Autowired TestRestTemplate rest;
  @Autowired DeviceRepository devices;
  @Autowired ProducerTemplate routes;
  FirewallFixture api;
  SimulatedFleet fleet;
  String suffix;
  String tenant;
  String model;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.security.admin.password", () -> ADMIN_PASSWORD);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.data-dir", () -> "./target/app-it/data-" + UUID.randomUUID());
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @BeforeEach
  void tenant() {
    api = new FirewallFixture(rest, devices, "admin", ADMIN_PASSWORD);
    suffix = UUID.randomUUID().toString().substring(0, 8);
    tenant = api.create("/api/v1/tenants", Map.of("name", "fw-" + suffix));
    model =
        api.create(
            "/api/v1/device-models",
            Map.of("name", "SRX-" + suffix, "vendor", "Juniper", "family", "srx"));
    api.create(
        "/api/v1/address-objects",
        Map.of("tenantId", tenant, "name", LAN, "kind", "PREFIX", "value", "10.1.0.0/16"));
  }

  @AfterEach
  void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  /** One site and one simulated SRX per serial; answers site id → device, sorted by site id. */
  private TreeMap<String, SimulatedDevice> sites(String... serials) {
    return sites(Duration.ofSeconds(3), serials);
  }

  private TreeMap<String, SimulatedDevice> sites(Duration slowResponses, String... serials) {
    List<String> all = new ArrayList<>();
    for (String s : serials) {
      all.add(s + suffix);
    }
    fleet =
        SimulatedFleet.builder()
            .serials(all)
            .basePort(0)
            .credentials("admin", "admin123")
            .slowResponseDelay(slowResponses)
            .start();
    TreeMap<String, SimulatedDevice> bySite = new TreeMap<>();
    for (String serial : all) {
      String site = api.site(tenant, "site-" + serial);
      SimulatedDevice cpe = fleet.device(serial);
      api.device(tenant, site, model, cpe);
      bySite.put(site, cpe);
    }
    return bySite;
  }

  private static List<Map<String, Object>> version1() {
    return List.of(
        rule("allow-web", List.of(LAN), List.of("junos-https"), "PERMIT"),
        rule("block-ssh", List.of(LAN), List.of("junos-ssh"), "DENY"),
        rule("allow-dns", List.of(LAN), List.of("junos-dns-udp"), "PERMIT"));
  }

  private String policy(List<String> sites, List<Map<String, Object>> rules) {
    String id =
        api.create(
            "/api/v1/firewall-policies",
            Map.of("tenantId", tenant, "name", "office", "siteIds", sites, "rules", rules));
    api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + id + "/publish", null);
    return id;
  }

  private String deviceIdOf(SimulatedDevice cpe) {
    return devices.findAll().stream()
        .filter(d -> d.getSerialNumber().equals(cpe.serialNumber()))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  /** The device's own answer (get-match-policies over NETCONF) for a flow from trust to untrust. */
  private MatchedPolicy lookup(SimulatedDevice cpe, String source, int port, String protocol) {
    return routes.requestBodyAndHeader(
        JunosFirewallRoutes.MATCH_POLICIES_URI,
        new MatchPolicyQuery("trust", "untrust", source, "198.51.100.7", port, protocol),
        NetconfConstants.DEVICE_ID,
        deviceIdOf(cpe),
        MatchedPolicy.class);
  }

  /** The policy names of trust → untrust in the device's running order. */
  private static List<String> order(SimulatedDevice cpe) {
    List<String> names = new ArrayList<>();
    NodeList pairs = cpe.runningConfiguration().getElementsByTagName("to-zone");
    for (int i = 0; i < pairs.getLength(); i++) {
      Element to = (Element) pairs.item(i);
      Element from = (Element) to.getParentNode();
      if (!"untrust".equals(name(to)) || !"trust".equals(name(from))) {
        continue;
      }
      for (Node n = to.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element p && "policy".equals(p.getLocalName())) {
          names.add(name(p));
        }
      }
    }
    return names;
  }

  private static String name(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && "name".equals(c.getLocalName())) {
        return c.getTextContent().strip();
      }
    }
    return null;
  }

  private static Element copy(Element e) {
    return (Element) e.cloneNode(true);
  }

  @Test
  void aDeploymentEnforcesTheRulesExactlyAsPreviewedAndAnotherTenantSeesNoneOfIt() {
    TreeMap<String, SimulatedDevice> bySite = sites("FWA", "FWB");
    String policy = policy(List.copyOf(bySite.keySet()), version1());
    JsonNode preview =
        api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/preview", null);
    Map<String, Element> before = new TreeMap<>();
    bySite
        .values()
        .forEach(cpe -> before.put(cpe.serialNumber(), copy(cpe.runningConfiguration())));

    String operation = api.deploy(policy, Map.of("version", 1));
    JsonNode done = api.finished(operation, 90);

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.get("targetKind").asText()).isEqualTo("FIREWALL_POLICY");
    assertThat(done.get("result").get("deployed").asInt()).isEqualTo(2);
    Map<String, JsonNode> rows = api.rows(policy, operation);
    assertThat(rows.values())
        .allSatisfy(r -> assertThat(r.get("state").asText()).isEqualTo("DEPLOYED"));
    for (SimulatedDevice cpe : bySite.values()) {
      assertThat(order(cpe)).containsExactly("allow-web", "block-ssh", "allow-dns");
      assertThat(cpe.config().confirmDeadline()).as("confirmed, no rollback pending").isEmpty();
      assertThat(cpe.config().lockOwner(Datastore.CANDIDATE)).isNull();
      assertThat(lookup(cpe, "10.1.4.2", 443, "tcp"))
          .isEqualTo(new MatchedPolicy("allow-web", "permit"));
      assertThat(lookup(cpe, "10.1.4.2", 22, "tcp"))
          .isEqualTo(new MatchedPolicy("block-ssh", "deny"));
      assertThat(lookup(cpe, "192.168.7.7", 443, "tcp").policy()).isEqualTo("default-policy");
      // the preview is what the deployment changed on the device
      String previewed = null;
      for (JsonNode d : preview.get("devices")) {
        if (d.get("deviceId").asText().equals(deviceIdOf(cpe))) {
          previewed = d.get("compare").asText();
        }
      }
      assertThat(ConfigCompare.compare(before.get(cpe.serialNumber()), cpe.runningConfiguration()))
          .isEqualTo(previewed)
          .contains("policy allow-web");
    }

    String stranger = api.create("/api/v1/tenants", Map.of("name", "other-" + suffix));
    api.create(
        "/api/v1/users",
        Map.of(
            "username",
            "fw-op-" + suffix,
            "password",
            "correct horse battery staple",
            "role",
            "TENANT_OPERATOR",
            "tenantId",
            stranger));
    for (String[] request :
        List.of(
            new String[] {"GET", "/api/v1/firewall-policies/" + policy + "/deployments"},
            new String[] {"POST", "/api/v1/firewall-policies/" + policy + "/deployments"},
            new String[] {"GET", "/api/v1/operations/" + operation})) {
      ResponseEntity<JsonNode> foreign =
          api.exchangeAs(
              "fw-op-" + suffix,
              "correct horse battery staple",
              HttpMethod.valueOf(request[0]),
              request[1],
              Map.of());
      assertThat(foreign.getStatusCode().value()).as(request[1]).isEqualTo(404);
    }
  }

  @Test
  void movingOneRuleToTheTopChangesOnlyThatRuleOnTheDevice() {
    TreeMap<String, SimulatedDevice> bySite = sites("FWM");
    String policy = policy(List.copyOf(bySite.keySet()), version1());
    assertThat(api.finished(api.deploy(policy, Map.of()), 90).get("state").asText())
        .isEqualTo("COMPLETED");
    SimulatedDevice cpe = bySite.firstEntry().getValue();
    Element v1 = copy(cpe.runningConfiguration());
    List<Map<String, Object>> moved = new ArrayList<>(version1());
    moved.add(0, moved.remove(2));
    int v2 = api.publish(policy, moved);
    JsonNode preview =
        api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/preview", null);
    assertThat(preview.get("devices").get(0).get("commands"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "insert security policies from-zone trust to-zone untrust policy allow-dns before"
                + " policy allow-web");

    JsonNode done = api.finished(api.deploy(policy, Map.of("version", v2)), 90);

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(order(cpe)).containsExactly("allow-dns", "allow-web", "block-ssh");
    String change = ConfigCompare.compare(v1, cpe.runningConfiguration());
    assertThat(change).isEqualTo(preview.get("devices").get(0).get("compare").asText());
    assertThat(change)
        .contains("policy allow-dns")
        .doesNotContain("allow-web")
        .doesNotContain("block-ssh");
    assertThat(lookup(cpe, "10.1.4.2", 53, "udp"))
        .isEqualTo(new MatchedPolicy("allow-dns", "permit"));
  }

  @Test
  void aPolicyOfHigherPriorityGoesAboveTheOtherPolicysRulesAndIsVerifiedInTheCombinedOrder() {
    TreeMap<String, SimulatedDevice> bySite = sites("FWP");
    SimulatedDevice cpe = bySite.firstEntry().getValue();
    String office = policy(List.copyOf(bySite.keySet()), version1());
    assertThat(api.finished(api.deploy(office, Map.of()), 90).get("state").asText())
        .isEqualTo("COMPLETED");
    String guard =
        api.create(
            "/api/v1/firewall-policies",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "guard",
                "priority",
                10,
                "siteIds",
                List.copyOf(bySite.keySet()),
                "rules",
                List.of(rule("guard-ssh", List.of(LAN), List.of("junos-ssh"), "PERMIT"))));
    api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + guard + "/publish", null);

    JsonNode first = api.finished(api.deploy(guard, Map.of()), 90);

    assertThat(first.get("state").asText()).as(first.toString()).isEqualTo("COMPLETED");
    assertThat(first.get("result").get("deployed").asInt()).as(first.toString()).isEqualTo(1);
    assertThat(order(cpe)).containsExactly("guard-ssh", "allow-web", "block-ssh", "allow-dns");
    assertThat(lookup(cpe, "10.1.4.2", 22, "tcp"))
        .isEqualTo(new MatchedPolicy("guard-ssh", "permit"));

    int v2 =
        api.publish(
            guard,
            List.of(
                rule("guard-ssh", List.of(LAN), List.of("junos-ssh"), "PERMIT"),
                rule("guard-telnet", List.of(LAN), List.of("junos-telnet"), "DENY")));
    JsonNode preview =
        api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + guard + "/preview", null);
    assertThat(preview.get("devices").get(0).get("commands"))
        .extracting(JsonNode::asText)
        .contains(
            "insert security policies from-zone trust to-zone untrust policy guard-telnet after"
                + " policy guard-ssh");
    JsonNode second = api.finished(api.deploy(guard, Map.of("version", v2)), 90);
    assertThat(second.get("state").asText()).as(second.toString()).isEqualTo("COMPLETED");
    assertThat(second.get("result").get("deployed").asInt()).as(second.toString()).isEqualTo(1);
    assertThat(order(cpe))
        .containsExactly("guard-ssh", "guard-telnet", "allow-web", "block-ssh", "allow-dns");
  }

  @Test
  void aPriorityChangedAfterDeploymentMovesThePolicysRulesAtTheNextDeploymentAsPreviewed() {
    TreeMap<String, SimulatedDevice> bySite = sites("FWR");
    SimulatedDevice cpe = bySite.firstEntry().getValue();
    List<String> siteIds = List.copyOf(bySite.keySet());
    String office = policy(siteIds, version1());
    assertThat(api.finished(api.deploy(office, Map.of()), 90).get("state").asText())
        .isEqualTo("COMPLETED");
    List<Map<String, Object>> guardRules =
        List.of(rule("guard-ssh", List.of(LAN), List.of("junos-ssh"), "PERMIT"));
    String guard =
        api.create(
            "/api/v1/firewall-policies",
            Map.of(
                "tenantId", tenant,
                "name", "guard",
                "priority", 10,
                "siteIds", siteIds,
                "rules", guardRules));
    api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + guard + "/publish", null);
    assertThat(api.finished(api.deploy(guard, Map.of()), 90).get("state").asText())
        .isEqualTo("COMPLETED");
    assertThat(order(cpe)).containsExactly("guard-ssh", "allow-web", "block-ssh", "allow-dns");
    Element before = copy(cpe.runningConfiguration());

    api.call(
        HttpMethod.PUT,
        "/api/v1/firewall-policies/" + guard,
        Map.of("name", "guard", "priority", 500, "siteIds", siteIds, "rules", guardRules));
    JsonNode preview =
        api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + guard + "/preview", null);
    assertThat(preview.get("devices").get(0).get("commands"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "insert security policies from-zone trust to-zone untrust policy guard-ssh after"
                + " policy allow-dns");
    JsonNode moved = api.finished(api.deploy(guard, Map.of()), 90);

    assertThat(moved.get("state").asText()).as(moved.toString()).isEqualTo("COMPLETED");
    assertThat(moved.get("result").get("deployed").asInt()).as(moved.toString()).isEqualTo(1);
    assertThat(order(cpe)).containsExactly("allow-web", "block-ssh", "allow-dns", "guard-ssh");
    assertThat(ConfigCompare.compare(before, cpe.runningConfiguration()))
        .isEqualTo(preview.get("devices").get(0).get("compare").asText());
    assertThat(lookup(cpe, "10.1.4.2", 22, "tcp"))
        .isEqualTo(new MatchedPolicy("block-ssh", "deny"));
  }

  @Test
  void aDeviceRefusingTheCommitCheckIsRecordedWithItsMessageAndLeftAsItWas() {
    TreeMap<String, SimulatedDevice> bySite = sites("FWC", "FWD");
    String policy = policy(List.copyOf(bySite.keySet()), version1());
    SimulatedDevice refusing = bySite.firstEntry().getValue();
    SimulatedDevice fine = bySite.lastEntry().getValue();
    String runningBefore = refusing.runningConfig();
    refusing.injectFaultTimes(Fault.COMMIT_FAILURE, 1);

    String operation = api.deploy(policy, Map.of("failureThresholdPercent", 50));
    JsonNode done = api.finished(operation, 90);

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    Map<String, JsonNode> rows = api.rows(policy, operation);
    JsonNode refused = rows.get(deviceIdOf(refusing));
    assertThat(refused.get("state").asText()).isEqualTo("FAILED");
    assertThat(refused.get("message").asText())
        .contains("Check-out pass for Routing protocol process")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(refusing.runningConfig()).isEqualTo(runningBefore);
    assertThat(refusing.candidateConfig()).isEqualTo(refusing.runningConfig());
    assertThat(refusing.config().lockOwner(Datastore.CANDIDATE)).isNull();
    assertThat(rows.get(deviceIdOf(fine)).get("state").asText()).isEqualTo("DEPLOYED");
    assertThat(done.get("result").get("failed").asInt()).isEqualTo(1);
  }

  /** A local policy on the device, ahead of anything Switchboard appends, denying everything. */
  private static void localDenyAll(SimulatedDevice cpe) throws Exception {
    cpe.config()
        .loadSetCommands(
            9001,
            String.join(
                "\n",
                "set security zones security-zone trust interfaces ge-0/0/1.0",
                "set security zones security-zone untrust interfaces ge-0/0/0.0",
                "set security policies from-zone trust to-zone untrust policy local-deny match"
                    + " source-address any",
                "set security policies from-zone trust to-zone untrust policy local-deny match"
                    + " destination-address any",
                "set security policies from-zone trust to-zone untrust policy local-deny match"
                    + " application any",
                "set security policies from-zone trust to-zone untrust policy local-deny then"
                    + " deny"));
    cpe.config().commit(9001, "localadmin", CommitOptions.plain());
  }

  @Test
  void aDeviceWhoseProbeFlowGetsAnotherVerdictIsRolledBackWithTheReason() throws Exception {
    TreeMap<String, SimulatedDevice> bySite = sites("FWV");
    SimulatedDevice cpe = bySite.firstEntry().getValue();
    localDenyAll(cpe);
    String runningBefore = cpe.runningConfig();
    String policy = policy(List.copyOf(bySite.keySet()), version1());

    String operation = api.deploy(policy, Map.of("failureThresholdPercent", 100));
    JsonNode done = api.finished(operation, 90);

    JsonNode row = api.rows(policy, operation).get(deviceIdOf(cpe));
    assertThat(row.get("state").asText()).as(row.toString()).isEqualTo("ROLLED_BACK");
    assertThat(row.get("message").asText())
        .contains("should be decided by allow-web (permit)")
        .contains("the device answers local-deny (deny)");
    assertThat(cpe.runningConfig()).isEqualTo(runningBefore);
    assertThat(cpe.config().confirmDeadline()).isEmpty();
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("result").get("rolled_back").asInt()).isEqualTo(1);
  }

  @Test
  void passingTheThresholdRestoresThePreviousVersionOnTheDevicesAlreadyDone() throws Exception {
    TreeMap<String, SimulatedDevice> bySite = sites("FT1", "FT2", "FT3");
    String policy = policy(List.copyOf(bySite.keySet()), version1());
    assertThat(api.finished(api.deploy(policy, Map.of()), 90).get("state").asText())
        .isEqualTo("COMPLETED");
    Map<String, String> v1 = new TreeMap<>();
    bySite.values().forEach(cpe -> v1.put(cpe.serialNumber(), cpe.runningConfig()));
    List<Map<String, Object>> next = new ArrayList<>(version1());
    next.add(1, rule("allow-ntp", List.of(LAN), List.of("junos-ntp"), "PERMIT"));
    int v2 = api.publish(policy, next);
    // the last device (batches go in site order) refuses: 1 of 3 is more than 30 percent
    SimulatedDevice last = bySite.lastEntry().getValue();
    last.injectFaultTimes(Fault.COMMIT_FAILURE, 1);

    String operation =
        api.deploy(policy, Map.of("version", v2, "batchSize", 1, "failureThresholdPercent", 30));
    JsonNode done = api.finished(operation, 120);

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("FAILED");
    assertThat(done.get("error").asText()).contains("THRESHOLD_PASSED");
    Map<String, JsonNode> rows = api.rows(policy, operation);
    for (SimulatedDevice cpe : bySite.values()) {
      assertThat(cpe.runningConfig()).as(cpe.serialNumber()).isEqualTo(v1.get(cpe.serialNumber()));
      assertThat(order(cpe)).containsExactly("allow-web", "block-ssh", "allow-dns");
    }
    assertThat(rows.get(deviceIdOf(last)).get("state").asText()).isEqualTo("FAILED");
    for (SimulatedDevice cpe :
        List.of(bySite.firstEntry().getValue(), bySite.higherEntry(bySite.firstKey()).getValue())) {
      JsonNode row = rows.get(deviceIdOf(cpe));
      assertThat(row.get("state").asText()).as(row.toString()).isEqualTo("RESTORED");
      assertThat(row.get("message").asText()).contains("version 1 restored");
    }
    // version 1 is what the devices run again: a new preview of version 2 starts from it
    JsonNode preview =
        api.call(HttpMethod.POST, "/api/v1/firewall-policies/" + policy + "/preview", null);
    preview.get("devices").forEach(d -> assertThat(d.get("deployedVersion").asInt()).isEqualTo(1));
  }

  @Test
  void aDeploymentWaitsForItsMaintenanceWindow() {
    TreeMap<String, SimulatedDevice> bySite = sites("FWW");
    SimulatedDevice cpe = bySite.firstEntry().getValue();
    String policy = policy(List.copyOf(bySite.keySet()), version1());
    ResponseEntity<JsonNode> closed =
        api.exchange(
            HttpMethod.POST,
            "/api/v1/firewall-policies/" + policy + "/deployments",
            Map.of("window", Map.of("end", Instant.now().minusSeconds(60).toString())));
    assertThat(closed.getStatusCode().value()).isEqualTo(400);
    assertThat(closed.getBody().toString()).contains("window.end");
    Instant opens = Instant.now().plusSeconds(6);

    String operation =
        api.deploy(
            policy,
            Map.of(
                "window",
                Map.of("start", opens.toString(), "end", opens.plusSeconds(3600).toString())));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                api.call(HttpMethod.GET, "/api/v1/operations/" + operation, null)
                    .path("currentStep")
                    .asText(),
            step -> step.contains("waitForWindow") || step.contains("Window opens"));
    assertThat(cpe.runningConfig()).doesNotContain("allow-web");
    JsonNode done = api.finished(operation, 90);
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(Instant.parse(done.get("finishedAt").asText())).isAfter(opens);
    assertThat(order(cpe)).containsExactly("allow-web", "block-ssh", "allow-dns");
  }

  @Test
  void aBatchThatWouldStartAfterTheWindowClosedIsSkippedAndTheDeploymentFails() {
    TreeMap<String, SimulatedDevice> bySite = sites(Duration.ofMillis(700), "FWS1", "FWS2");
    SimulatedDevice slow = bySite.firstEntry().getValue();
    SimulatedDevice later = bySite.lastEntry().getValue();
    slow.injectFault(Fault.SLOW_RESPONSES);
    String policy = policy(List.copyOf(bySite.keySet()), version1());
    Instant opens = Instant.now().plusSeconds(3);

    String operation =
        api.deploy(
            policy,
            Map.of(
                "batchSize",
                1,
                "window",
                Map.of("start", opens.toString(), "end", opens.plusSeconds(1).toString())));
    JsonNode done = api.finished(operation, 120);

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("FAILED");
    assertThat(done.get("error").asText()).contains("WINDOW_CLOSED").contains("1 device(s)");
    Map<String, JsonNode> rows = api.rows(policy, operation);
    assertThat(rows.get(deviceIdOf(slow)).get("state").asText()).isEqualTo("DEPLOYED");
    assertThat(rows.get(deviceIdOf(later)).get("state").asText()).isEqualTo("SKIPPED");
    assertThat(rows.get(deviceIdOf(later)).get("message").asText())
        .contains("maintenance window closed");
    assertThat(order(later)).isEmpty();
  }

  @Test
  void anUnreachableDeviceBecomesAnIncidentOnceItsRetriesAreSpent() {
    String site = api.site(tenant, "unreachable-" + suffix);
    api.device(tenant, site, model, "FWU" + suffix, "127.0.0.1", freePort());
    String policy = policy(List.of(site), version1());

    String operation = api.deploy(policy, Map.of());

    JsonNode stuck =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> api.call(HttpMethod.GET, "/api/v1/operations/" + operation, null),
                o -> !o.path("attention").isNull() && !o.path("attention").isMissingNode());
    assertThat(stuck.get("state").asText()).isEqualTo("RUNNING");
    assertThat(stuck.get("attention").get("elementId").asText()).isEqualTo("commitConfirmed");
    assertThat(stuck.get("attention").get("message").asText()).isNotBlank().doesNotContain("\tat ");
    assertThat(api.rows(policy, operation).values())
        .allSatisfy(r -> assertThat(r.get("state").asText()).isEqualTo("PENDING"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
