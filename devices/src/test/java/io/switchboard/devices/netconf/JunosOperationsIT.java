package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.NetconfTestClient.errorMessages;
import static io.switchboard.devices.netconf.NetconfTestClient.isOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.DeviceState;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The Junos RPCs of DESIGN.md section 6, through a Java NETCONF client. */
class JunosOperationsIT {

  private static final byte[] IMAGE =
      "pretend this is junos 22.4R3".getBytes(StandardCharsets.UTF_8);
  private static final String IMAGE_PATH = "/images/junos-srxsme-22.4R3.tgz";

  private static SimulatedFleet fleet;
  private static TestHttpServer http;
  private SimulatedDevice device;

  @BeforeAll
  static void start() throws Exception {
    http = new TestHttpServer();
    fleet = SimulatedFleet.builder().devices(2).rebootDelay(Duration.ofMillis(300)).start();
  }

  @AfterAll
  static void stop() {
    fleet.close();
    http.close();
  }

  @BeforeEach
  void reset() {
    http.clear();
    device = fleet.device(0);
    device.clearFaults();
    device.loadRunningConfig(
        "<configuration><system><host-name>branch-1</host-name></system>"
            + "<interfaces><interface><name>ge-0/0/0</name><unit><name>0</name><family><inet>"
            + "<address><name>192.0.2.1/24</name></address></inet></family></unit></interface></interfaces></configuration>");
  }

  @Test
  void softwareInformationNamesHostModelAndVersion() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element info = Xml.child(nc.rpc("<get-software-information/>"), "software-information");
      assertThat(Xml.childText(info, "host-name")).isEqualTo("branch-1");
      assertThat(Xml.childText(info, "product-model")).isEqualTo("srx300");
      assertThat(Xml.childText(info, "junos-version")).isEqualTo("21.4R3-S5.4");
    }
  }

  @Test
  void chassisInventoryReportsTheSerialNumber() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element chassis =
          Xml.path(nc.rpc("<get-chassis-inventory/>"), "chassis-inventory", "chassis");
      assertThat(Xml.childText(chassis, "serial-number")).isEqualTo(device.serialNumber());
    }
  }

  @Test
  void loadConfigurationMergeXmlThenCommitConfiguration() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element load =
          nc.rpc(
              "<load-configuration action=\"merge\" format=\"xml\"><configuration><system>"
                  + "<domain-name>example.net</domain-name></system></configuration></load-configuration>");
      assertThat(Xml.path(load, "load-configuration-results", "ok")).isNotNull();
      Element commit = nc.rpc("<commit-configuration><log>add domain</log></commit-configuration>");
      assertThat(commit.getElementsByTagName("commit-success").getLength()).isEqualTo(1);
      assertThat(device.runningConfig()).contains("example.net").contains("branch-1");
      assertThat(device.commitHistory().get(0).log()).isEqualTo("add domain");
    }
  }

  @Test
  void loadConfigurationOverrideReplacesEverything() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"override\"><configuration><system><host-name>fresh</host-name>"
              + "</system></configuration></load-configuration>");
      nc.rpc("<commit-configuration/>");
      assertThat(device.runningConfig()).contains("fresh").doesNotContain("192.0.2.1");
    }
  }

  @Test
  void loadConfigurationSetCommands() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element load =
          nc.rpc(
              "<load-configuration action=\"set\" format=\"text\"><configuration-set>"
                  + "set interfaces ge-0/0/1 description \"LAN uplink\"\n"
                  + "set interfaces ge-0/0/1 unit 0 family inet address 10.1.0.1/24\n"
                  + "delete interfaces ge-0/0/0\n"
                  + "</configuration-set></load-configuration>");
      assertThat(Xml.path(load, "load-configuration-results", "ok")).isNotNull();
      nc.rpc("<commit-configuration/>");
      assertThat(device.runningConfig())
          .contains("LAN uplink")
          .contains("10.1.0.1/24")
          .doesNotContain("192.0.2.1");
    }
  }

  @Test
  void loadConfigurationTextAndGetConfigurationInTextAndSetFormats() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration format=\"text\"><configuration-text>"
              + "system { host-name branch-1b; }\n"
              + "interfaces { ge-0/0/3 { disable; unit 0 { family inet { address 10.3.0.1/24; } } } }"
              + "</configuration-text></load-configuration>");
      Element text = nc.rpc("<get-configuration database=\"candidate\" format=\"text\"/>");
      assertThat(Xml.childText(text, "configuration-text"))
          .contains("host-name branch-1b;")
          .contains("ge-0/0/3 {");
      Element set = nc.rpc("<get-configuration database=\"candidate\" format=\"set\"/>");
      assertThat(Xml.childText(set, "configuration-set"))
          .contains("set interfaces ge-0/0/3 unit 0 family inet address 10.3.0.1/24")
          .contains("set interfaces ge-0/0/3 disable");
      Element committed =
          nc.rpc(
              "<get-configuration database=\"committed\"><configuration><system/></configuration></get-configuration>");
      assertThat(Xml.text(Xml.path(committed, "configuration", "system", "host-name")))
          .isEqualTo("branch-1");
    }
  }

  @Test
  void rollbackLoadsAnEarlierCommit() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>set system host-name second</configuration-set></load-configuration>");
      nc.rpc("<commit-configuration/>");
      assertThat(
              Xml.path(
                  nc.rpc("<load-configuration rollback=\"1\"/>"),
                  "load-configuration-results",
                  "ok"))
          .isNotNull();
      nc.rpc("<commit-configuration/>");
      assertThat(device.runningConfig()).contains("branch-1").doesNotContain("second");
      Element missing = nc.rpc("<load-configuration rollback=\"49\"/>");
      assertThat(errorMessages(missing).get(0)).startsWith("rollback 49: no such configuration");
    }
  }

  @Test
  void commitCheckValidatesWithoutCommitting() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>set system host-name checked</configuration-set></load-configuration>");
      Element check = nc.rpc("<commit-configuration><check/></commit-configuration>");
      assertThat(check.getElementsByTagName("commit-check-success").getLength()).isEqualTo(1);
      assertThat(device.runningConfig()).doesNotContain("checked");
    }
  }

  @Test
  void commitConfigurationConfirmedCountsMinutesAndAPlainCommitConfirmsFromAnotherSession()
      throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>set system host-name stage1</configuration-set></load-configuration>");
      Element reply =
          nc.rpc(
              "<commit-configuration><confirmed/><confirm-timeout>2</confirm-timeout></commit-configuration>");
      assertThat(reply.getElementsByTagName("commit-success").getLength()).isEqualTo(1);
      Instant deadline = device.config().confirmDeadline().orElseThrow();
      assertThat(Duration.between(Instant.now(), deadline))
          .isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
    }
    // A Junos confirmed commit outlives its session; any later commit confirms it.
    assertThat(device.config().confirmDeadline()).isPresent();
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc("<commit-configuration/>");
    }
    assertThat(device.config().confirmDeadline()).isEmpty();
    assertThat(device.runningConfig()).contains("stage1");
  }

  @Test
  void commitConfigurationConfirmedDefaultsToTenMinutes() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc("<commit-configuration><confirmed/></commit-configuration>");
      Duration left =
          Duration.between(Instant.now(), device.config().confirmDeadline().orElseThrow());
      assertThat(left).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
      nc.rpc("<commit-configuration/>");
    }
  }

  @Test
  void interfaceInformationFollowsTheConfiguration() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>"
              + "set interfaces ge-0/0/1 disable\nset interfaces ge-0/0/1 unit 0 family inet address 10.0.1.1/24"
              + "</configuration-set></load-configuration>");
      nc.rpc("<commit-configuration/>");
      Element info =
          Xml.child(
              nc.rpc("<get-interface-information><terse/></get-interface-information>"),
              "interface-information");
      List<Element> physical = Xml.children(info, "physical-interface");
      assertThat(physical)
          .extracting(p -> Xml.childText(p, "name"))
          .contains("ge-0/0/0", "ge-0/0/1", "ge-0/0/7");
      assertThat(status(physical, "ge-0/0/0")).isEqualTo("up/up");
      assertThat(status(physical, "ge-0/0/1")).isEqualTo("down/down");
      assertThat(status(physical, "ge-0/0/5")).isEqualTo("up/down");
      Element one =
          Xml.child(
              nc.rpc(
                  "<get-interface-information><interface-name>ge-0/0/0</interface-name></get-interface-information>"),
              "interface-information");
      assertThat(Xml.children(one, "physical-interface")).hasSize(1);
      assertThat(
              Xml.text(
                  Xml.path(
                      one,
                      "physical-interface",
                      "logical-interface",
                      "address-family",
                      "interface-address",
                      "ifa-local")))
          .isEqualTo("192.0.2.1/24");
      Element missing =
          nc.rpc(
              "<get-interface-information><interface-name>ge-9/9/9</interface-name></get-interface-information>");
      assertThat(errorMessages(missing)).containsExactly("device ge-9/9/9 not found");
    }
    device.linkDown("ge-0/0/0");
    assertThat(device.interfaces().get(0).operStatus()).isEqualTo("down");
    device.linkUp("ge-0/0/0");
  }

  private static String status(List<Element> physical, String name) {
    Element p =
        physical.stream()
            .filter(e -> name.equals(Xml.childText(e, "name")))
            .findFirst()
            .orElseThrow();
    return Xml.childText(p, "admin-status") + "/" + Xml.childText(p, "oper-status");
  }

  @Test
  void ipsecTunnelsComeUpWhenTheirGatewayAndBindInterfaceAreConfigured() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>"
              + "set interfaces st0 unit 0 family inet\n"
              + "set security ike gateway hub-1 address 203.0.113.10\n"
              + "set security ike gateway hub-1 external-interface ge-0/0/0.0\n"
              + "set security ipsec vpn to-hub-1 bind-interface st0.0\n"
              + "set security ipsec vpn to-hub-1 ike gateway hub-1\n"
              + "</configuration-set></load-configuration>");
      Element commit = nc.rpc("<commit-configuration/>");
      assertThat(errorMessages(commit)).isEmpty();
      Element sa =
          Xml.child(
              nc.rpc("<get-security-associations-information/>"),
              "ipsec-security-associations-information");
      assertThat(Xml.childText(sa, "total-active-tunnels")).isEqualTo("1");
      Element block = Xml.child(sa, "ipsec-security-associations-block");
      assertThat(Xml.childText(block, "sa-block-state")).isEqualTo("up");
      assertThat(Xml.text(Xml.path(block, "ipsec-security-associations", "sa-remote-gateway")))
          .isEqualTo("203.0.113.10");
      Element st0 =
          Xml.child(
              nc.rpc(
                  "<get-interface-information><interface-name>st0.0</interface-name></get-interface-information>"),
              "interface-information");
      assertThat(Xml.text(Xml.path(st0, "physical-interface", "logical-interface", "oper-status")))
          .isEqualTo("up");
    }
    device.linkDown("ge-0/0/0");
    assertThat(device.tunnels().get(0).state()).isEqualTo("down");
    device.linkUp("ge-0/0/0");
  }

  @Test
  void vpnBoundToAMissingInterfaceFailsTheCommit() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>"
              + "set security ipsec vpn v1 bind-interface st0.9</configuration-set></load-configuration>");
      Element reply = nc.rpc("<commit-configuration/>");
      assertThat(errorMessages(reply))
          .containsExactly(
              "Interface st0.9 must be configured under [edit interfaces]",
              "configuration check-out failed");
      nc.rpc("<discard-changes/>");
    }
  }

  @Test
  void packageAddDownloadsVerifiesAndStagesTheImage() throws Exception {
    http.serve(IMAGE_PATH, IMAGE);
    String url = http.url(IMAGE_PATH) + "#sha256=" + TestHttpServer.sha256(IMAGE);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply =
          nc.rpc(
              "<request-package-add><package-name>"
                  + url
                  + "</package-name><no-validate/></request-package-add>");
      assertThat(Xml.childText(reply, "package-result")).isEqualTo("0");
      assertThat(Xml.childText(reply, "output"))
          .contains("Verified SHA-256")
          .contains("reboot is required");
    }
    assertThat(device.pendingSoftwareVersion()).isEqualTo("22.4R3");
    assertThat(device.softwareVersion()).isEqualTo("21.4R3-S5.4");
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element rollback = nc.rpc("<request-package-rollback/>");
      assertThat(Xml.childText(rollback, "package-result")).isEqualTo("0");
    }
    assertThat(device.pendingSoftwareVersion()).isNull();
  }

  @Test
  void packageAddFindsTheChecksumInASidecarFile() throws Exception {
    http.serve(IMAGE_PATH, IMAGE);
    http.serve(
        IMAGE_PATH + ".sha256",
        (TestHttpServer.sha256(IMAGE) + "  junos-srxsme-22.4R3.tgz\n")
            .getBytes(StandardCharsets.UTF_8));
    SimulatedDevice other = fleet.device(1);
    try (NetconfTestClient nc = NetconfTestClient.connect(other)) {
      Element reply =
          nc.rpc(
              "<request-package-add><package-name>"
                  + http.url(IMAGE_PATH)
                  + "</package-name></request-package-add>");
      assertThat(Xml.childText(reply, "package-result")).isEqualTo("0");
      nc.rpc("<request-package-rollback/>");
    }
  }

  @Test
  void packageAddRefusesAnImageWhoseChecksumDiffers() throws Exception {
    http.serve(IMAGE_PATH, IMAGE);
    String url = http.url(IMAGE_PATH) + "#sha256=" + "0".repeat(64);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply =
          nc.rpc(
              "<request-package-add><package-name>"
                  + url
                  + "</package-name></request-package-add>");
      assertThat(Xml.childText(reply, "package-result")).isEqualTo("1");
      assertThat(Xml.childText(reply, "output")).contains("SHA-256 checksum mismatch");
      Element missing =
          nc.rpc(
              "<request-package-add><package-name>"
                  + http.url("/images/junos-srxsme-23.2R1.tgz#" + "1".repeat(64))
                  + "</package-name></request-package-add>");
      assertThat(Xml.childText(missing, "output")).contains("HTTP 404");
    }
    assertThat(device.pendingSoftwareVersion()).isNull();
  }

  @Test
  void packageAddWithRebootComesBackOnTheNewVersion() throws Exception {
    http.serve(IMAGE_PATH, IMAGE);
    String url = http.url(IMAGE_PATH) + "#sha256=" + TestHttpServer.sha256(IMAGE);
    int boots = device.bootCount();
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply =
          nc.rpc(
              "<request-package-add><package-name>"
                  + url
                  + "</package-name><reboot/></request-package-add>");
      assertThat(Xml.childText(reply, "package-result")).isEqualTo("0");
      assertThat(nc.awaitClosed(Duration.ofSeconds(5))).isTrue();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> device.bootCount() == boots + 1 && device.isReachable());
    assertThat(device.softwareVersion()).isEqualTo("22.4R3");
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(
              Xml.text(
                  Xml.path(
                      nc.rpc("<get-software-information/>"),
                      "software-information",
                      "junos-version")))
          .isEqualTo("22.4R3");
      assertThat(Xml.childText(nc.rpc("<request-package-rollback/>"), "package-result"))
          .isEqualTo("0");
    }
    assertThat(device.pendingSoftwareVersion()).isEqualTo("21.4R3-S5.4");
  }

  @Test
  void requestRebootAnswersThenDropsSessionsAndStaysAwayForTheRebootDelay() throws Exception {
    int boots = device.bootCount();
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply = nc.rpc("<request-reboot/>");
      assertThat(Xml.childText(reply, "request-reboot-status")).isEqualTo("Shutdown NOW!");
      assertThat(nc.awaitClosed(Duration.ofSeconds(5))).isTrue();
    }
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> device.state() == DeviceState.REBOOTING || device.bootCount() > boots);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> device.bootCount() == boots + 1 && device.isReachable());
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(isOk(nc.rpc("<discard-changes/>"))).isTrue();
    }
  }
}
