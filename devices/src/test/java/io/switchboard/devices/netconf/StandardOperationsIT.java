package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.NetconfTestClient.errorMessages;
import static io.switchboard.devices.netconf.NetconfTestClient.isOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.netconf.NetconfProtocol;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** RFC 6241 operations over both framings, through a Java NETCONF client. */
class StandardOperationsIT {

  private static SimulatedFleet fleet;
  private SimulatedDevice device;

  @BeforeAll
  static void startFleet() {
    fleet = SimulatedFleet.builder().devices(1).start();
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  @BeforeEach
  void resetDevice() {
    device = fleet.device(0);
    device.clearFaults();
    device.loadRunningConfig(
        "<configuration><system><host-name>r1</host-name></system></configuration>");
  }

  private static String edit(String body) {
    return "<edit-config><target><candidate/></target><config><configuration>"
        + body
        + "</configuration></config></edit-config>";
  }

  @Test
  void helloAnnouncesBaseVersionsCandidateConfirmedCommitAndJunos() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(nc.serverCapabilities())
          .contains(
              "urn:ietf:params:netconf:base:1.0",
              "urn:ietf:params:netconf:base:1.1",
              "urn:ietf:params:netconf:capability:candidate:1.0",
              "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
              "urn:ietf:params:netconf:capability:validate:1.0",
              "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
              NetconfProtocol.JUNOS_CAPABILITY);
      assertThat(nc.sessionId()).isPositive();
      assertThat(nc.chunked()).isTrue();
    }
  }

  @Test
  void base10ClientsGetEndOfMessageFraming() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connectBase10(device)) {
      assertThat(nc.chunked()).isFalse();
      Element reply = nc.rpc("<get-config><source><running/></source></get-config>");
      assertThat(Xml.text(Xml.path(reply, "data", "configuration", "system", "host-name")))
          .isEqualTo("r1");
    }
  }

  @Test
  void replyCarriesTheRpcAttributes() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.send(
          "<rpc xmlns=\""
              + NetconfProtocol.BASE_NAMESPACE
              + "\" message-id=\"m-7\" xmlns:x=\"urn:x\" x:trace=\"t1\"><get/></rpc>");
      Element reply = Xml.parse(nc.next(Duration.ofSeconds(5))).getDocumentElement();
      assertThat(reply.getAttribute("message-id")).isEqualTo("m-7");
      assertThat(reply.getAttributeNS("urn:x", "trace")).isEqualTo("t1");
      assertThat(Xml.path(reply, "data", "configuration")).isNotNull();
    }
  }

  @Test
  void editConfigChangesOnlyTheCandidateUntilCommit() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(isOk(nc.rpc(edit("<system><host-name>r2</host-name></system>")))).isTrue();
      assertThat(device.runningConfig()).contains("<host-name>r1</host-name>");
      assertThat(device.candidateConfig()).contains("<host-name>r2</host-name>");
      assertThat(isOk(nc.rpc("<commit/>"))).isTrue();
      assertThat(device.runningConfig()).contains("<host-name>r2</host-name>");
      assertThat(device.commitHistory().get(0).user()).isEqualTo("admin");
    }
  }

  @Test
  void editConfigMergeReplaceAndDeleteOperations() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          edit(
              "<interfaces><interface><name>ge-0/0/1</name><description>a</description><mtu>1500</mtu></interface>"
                  + "<interface><name>ge-0/0/2</name></interface></interfaces>"));
      nc.rpc(
          edit(
              "<interfaces><interface operation=\"replace\"><name>ge-0/0/1</name><description>b</description></interface>"
                  + "<interface xmlns:nc=\""
                  + NetconfProtocol.BASE_NAMESPACE
                  + "\" nc:operation=\"delete\"><name>ge-0/0/2</name></interface>"
                  + "</interfaces>"));
      nc.rpc("<commit/>");
      String running = device.runningConfig();
      assertThat(running)
          .contains("<description>b</description>")
          .doesNotContain("<mtu>")
          .doesNotContain("ge-0/0/2");
    }
  }

  @Test
  void deletingWhatIsMissingAnswersDataMissing() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply =
          nc.rpc(
              edit(
                  "<interfaces><interface operation=\"delete\"><name>ge-0/0/7</name></interface></interfaces>"));
      Element error = Xml.child(reply, "rpc-error");
      assertThat(Xml.childText(error, "error-tag")).isEqualTo("data-missing");
      assertThat(Xml.childText(error, "error-type")).isEqualTo("application");
      assertThat(Xml.childText(error, "error-severity")).isEqualTo("error");
      assertThat(Xml.childText(error, "error-message")).contains("interface ge-0/0/7");
    }
  }

  @Test
  void defaultOperationReplaceReplacesTheWholeCandidate() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<edit-config><target><candidate/></target><default-operation>replace</default-operation>"
              + "<config><configuration><snmp><community><name>public</name></community></snmp></configuration></config></edit-config>");
      assertThat(device.candidateConfig()).contains("public").doesNotContain("host-name");
    }
  }

  @Test
  void runningIsNotWritableDirectly() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply =
          nc.rpc(
              "<edit-config><target><running/></target><config><configuration/></config></edit-config>");
      assertThat(Xml.childText(Xml.child(reply, "rpc-error"), "error-tag"))
          .isEqualTo("operation-not-supported");
    }
  }

  @Test
  void getConfigWithSubtreeFilterSelectsOneInterface() throws Exception {
    device.loadRunningConfig(
        "<configuration><interfaces>"
            + "<interface><name>ge-0/0/1</name><description>wan</description></interface>"
            + "<interface><name>ge-0/0/2</name><description>lan</description></interface></interfaces></configuration>");
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply =
          nc.rpc(
              "<get-config><source><running/></source><filter type=\"subtree\"><configuration><interfaces>"
                  + "<interface><name>ge-0/0/2</name></interface></interfaces></configuration></filter></get-config>");
      Element interfaces = Xml.path(reply, "data", "configuration", "interfaces");
      assertThat(Xml.children(interfaces, "interface")).hasSize(1);
      assertThat(Xml.childText(Xml.child(interfaces, "interface"), "description")).isEqualTo("lan");
    }
  }

  @Test
  void lockKeepsOtherSessionsFromEditingAndIsReleasedWhenTheSessionEnds() throws Exception {
    try (NetconfTestClient first = NetconfTestClient.connect(device);
        NetconfTestClient second = NetconfTestClient.connect(device)) {
      assertThat(isOk(first.rpc("<lock><target><candidate/></target></lock>"))).isTrue();
      Element denied = second.rpc("<lock><target><candidate/></target></lock>");
      Element error = Xml.child(denied, "rpc-error");
      assertThat(Xml.childText(error, "error-tag")).isEqualTo("lock-denied");
      assertThat(Xml.text(Xml.path(error, "error-info", "session-id")))
          .isEqualTo(String.valueOf(first.sessionId()));
      Element inUse = second.rpc(edit("<system><host-name>x</host-name></system>"));
      assertThat(Xml.childText(Xml.child(inUse, "rpc-error"), "error-tag")).isEqualTo("in-use");
      first.close();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> isOk(second.rpc("<lock><target><candidate/></target></lock>")));
      assertThat(isOk(second.rpc("<unlock><target><candidate/></target></unlock>"))).isTrue();
    }
  }

  @Test
  void confirmedCommitRollsBackByItselfWhenNotConfirmed() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(edit("<system><host-name>temporary</host-name></system>"));
      assertThat(isOk(nc.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>")))
          .isTrue();
      assertThat(device.runningConfig()).contains("temporary");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> device.runningConfig().contains("<host-name>r1</host-name>"));
      assertThat(device.commitHistory().get(0).kind()).isEqualTo("rollback");
      assertThat(device.candidateConfig()).contains("<host-name>r1</host-name>");
    }
  }

  @Test
  void confirmingCommitKeepsTheChange() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(edit("<system><host-name>kept</host-name></system>"));
      nc.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>");
      assertThat(isOk(nc.rpc("<commit/>"))).isTrue();
      assertThat(device.config().confirmDeadline()).isEmpty();
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(3))
          .until(() -> device.runningConfig().contains("kept"));
    }
  }

  @Test
  void persistentConfirmedCommitSurvivesItsSessionAndNeedsThePersistId() throws Exception {
    try (NetconfTestClient first = NetconfTestClient.connect(device)) {
      first.rpc(edit("<system><host-name>persisted</host-name></system>"));
      first.rpc(
          "<commit><confirmed/><confirm-timeout>30</confirm-timeout><persist>ztp-1</persist></commit>");
    }
    try (NetconfTestClient second = NetconfTestClient.connect(device)) {
      Element wrongId = second.rpc("<commit><persist-id>other</persist-id></commit>");
      assertThat(Xml.childText(Xml.child(wrongId, "rpc-error"), "error-tag"))
          .isEqualTo("invalid-value");
      assertThat(isOk(second.rpc("<commit><persist-id>ztp-1</persist-id></commit>"))).isTrue();
    }
    assertThat(device.runningConfig()).contains("persisted");
    assertThat(device.config().confirmDeadline()).isEmpty();
  }

  @Test
  void confirmedCommitWithoutPersistIsRolledBackWhenItsSessionEnds() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(edit("<system><host-name>orphan</host-name></system>"));
      nc.rpc("<commit><confirmed/><confirm-timeout>300</confirm-timeout></commit>");
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> device.runningConfig().contains("<host-name>r1</host-name>"));
  }

  @Test
  void cancelCommitRestoresThePreviousConfiguration() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(edit("<system><host-name>cancelled</host-name></system>"));
      nc.rpc("<commit><confirmed/></commit>");
      assertThat(device.config().confirmDeadline()).isPresent();
      assertThat(isOk(nc.rpc("<cancel-commit/>"))).isTrue();
      assertThat(device.runningConfig()).contains("<host-name>r1</host-name>");
      Element none = nc.rpc("<cancel-commit/>");
      assertThat(errorMessages(none)).containsExactly("no confirmed commit is pending");
    }
  }

  @Test
  void discardChangesResetsTheCandidate() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(edit("<system><host-name>discarded</host-name></system>"));
      assertThat(isOk(nc.rpc("<discard-changes/>"))).isTrue();
      assertThat(device.candidateConfig()).contains("<host-name>r1</host-name>");
    }
  }

  @Test
  void validateAndCommitRefuseAnInvalidAddressWithAJunosPath() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          edit(
              "<interfaces><interface><name>ge-0/0/1</name><unit><name>0</name><family><inet>"
                  + "<address><name>300.1.1.1/24</name></address></inet></family></unit></interface></interfaces>"));
      Element reply = nc.rpc("<validate><source><candidate/></source></validate>");
      Element error = Xml.child(reply, "rpc-error");
      assertThat(Xml.childText(error, "error-path"))
          .isEqualTo("[edit interfaces ge-0/0/1 unit 0 family inet]");
      assertThat(Xml.childText(error, "error-message"))
          .isEqualTo("invalid ip address or hostname: 300.1.1.1/24");
      Element commit = nc.rpc("<commit/>");
      assertThat(errorMessages(commit)).contains("configuration check-out failed");
      assertThat(device.runningConfig()).doesNotContain("300.1.1.1");
    }
  }

  @Test
  void killSessionEndsAnotherSession() throws Exception {
    try (NetconfTestClient victim = NetconfTestClient.connect(device);
        NetconfTestClient admin = NetconfTestClient.connect(device)) {
      assertThat(
              isOk(
                  admin.rpc(
                      "<kill-session><session-id>"
                          + victim.sessionId()
                          + "</session-id></kill-session>")))
          .isTrue();
      assertThat(victim.awaitClosed(Duration.ofSeconds(5))).isTrue();
      Element self =
          admin.rpc(
              "<kill-session><session-id>" + admin.sessionId() + "</session-id></kill-session>");
      assertThat(Xml.childText(Xml.child(self, "rpc-error"), "error-tag"))
          .isEqualTo("invalid-value");
    }
  }

  @Test
  void closeSessionAnswersOkThenCloses() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(isOk(nc.rpc("<close-session/>"))).isTrue();
      assertThat(nc.awaitClosed(Duration.ofSeconds(5))).isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> device.sessionCount() == 0);
  }

  @Test
  void unknownRpcAnswersTheJunosSyntaxError() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply = nc.rpc("<get-frobnicator-information/>");
      Element error = Xml.child(reply, "rpc-error");
      assertThat(Xml.childText(error, "error-message"))
          .isEqualTo("syntax error, expecting <command>");
      assertThat(Xml.text(Xml.path(error, "error-info", "bad-element")))
          .isEqualTo("get-frobnicator-information");
    }
  }

  @Test
  void malformedXmlAnswersMalformedMessageAndTheSessionGoesOn() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.send("<rpc message-id=\"1\"><get>");
      Element reply = Xml.parse(nc.next(Duration.ofSeconds(5))).getDocumentElement();
      assertThat(Xml.childText(Xml.child(reply, "rpc-error"), "error-tag"))
          .isEqualTo("malformed-message");
      assertThat(isOk(nc.rpc("<discard-changes/>"))).isTrue();
    }
  }
}
