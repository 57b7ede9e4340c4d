package io.switchboard.devices.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.netconf.NetconfTestClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Out-of-band changes (an operator's CLI commit) and {@code get-commit-information}: who committed
 * what, when and through which client, newest first.
 */
class OutOfBandChangeIT {
  private static SimulatedFleet fleet;
  private static SshClient ssh;
  private SimulatedDevice device;

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.builder().devices(1).basePort(0).start();
    ssh = SshClient.setUpDefaultClient();
    ssh.start();
  }

  @AfterAll
  static void stop() {
    ssh.stop();
    fleet.close();
  }

  @BeforeEach
  void reset() {
    device = fleet.device(0);
    device.loadRunningConfig(
        "<configuration><system><host-name>branch-1</host-name></system></configuration>");
  }

  private static List<Element> history(NetconfTestClient nc) throws Exception {
    return Xml.children(
        Xml.child(nc.rpc("<get-commit-information/>"), "commit-information"), "commit-history");
  }

  @Test
  void commitInformationListsEveryCommitNewestFirstWithUserClientTimeAndComment() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>set system location building 1"
              + "</configuration-set></load-configuration>");
      nc.rpc("<commit-configuration><log>switchboard site</log></commit-configuration>");
      device.changeOutOfBand("alice", "set system location building 7", "moved the rack");

      List<Element> history = history(nc);

      Element newest = history.get(0);
      assertThat(Xml.childText(newest, "sequence-number")).isEqualTo("0");
      assertThat(Xml.childText(newest, "user")).isEqualTo("alice");
      assertThat(Xml.childText(newest, "client")).isEqualTo("cli");
      assertThat(Xml.childText(newest, "log")).isEqualTo("moved the rack");
      assertThat(Xml.childText(newest, "date-time"))
          .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
      Element switchboard = history.get(1);
      assertThat(Xml.childText(switchboard, "sequence-number")).isEqualTo("1");
      assertThat(Xml.childText(switchboard, "user")).isEqualTo(device.username());
      assertThat(Xml.childText(switchboard, "client")).isEqualTo("netconf");
      assertThat(Xml.childText(switchboard, "log")).isEqualTo("switchboard site");
    }
    assertThat(device.runningConfig()).contains("<building>7</building>");
  }

  @Test
  void anOutOfBandChangeIsRefusedWhileASessionHoldsTheLock() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc("<lock-configuration/>");

      assertThatThrownBy(
              () -> device.changeOutOfBand("alice", "set system location building 7", null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("locked by session");
    }
    assertThat(device.runningConfig()).doesNotContain("<building>7</building>");
  }

  @Test
  void anOperatorCommitsOverSshExecAndTheCommitIsTheirsViaCli() throws Exception {
    String out =
        exec(
            "configure; set system location building 9; set system ntp server 192.0.2.9;"
                + " commit comment \"by hand; cabling\"");

    assertThat(out).contains("commit complete");
    assertThat(device.runningConfig()).contains("<building>9</building>").contains("192.0.2.9");
    assertThat(device.commitHistory().get(0).user()).isEqualTo(device.username());
    assertThat(device.commitHistory().get(0).client()).isEqualTo("cli");
    assertThat(device.commitHistory().get(0).log()).isEqualTo("by hand; cabling");
    assertThat(exec("show configuration | display set")).contains("set system location building 9");
    assertThat(exec("show system commit")).contains("via cli").contains("by hand; cabling");
  }

  @Test
  void aRefusedCliCommandAnswersTheDevicesErrorAndChangesNothing() throws Exception {
    assertThat(exec("configure; frobnicate; commit"))
        .contains("error: unknown command: frobnicate");
    assertThat(exec("configure; set system location building 4")).contains("error: uncommitted");
    assertThat(device.runningConfig()).doesNotContain("<building>4</building>");
  }

  private String exec(String command) throws Exception {
    try (ClientSession session =
        ssh.connect(device.username(), device.host(), device.port())
            .verify(Duration.ofSeconds(10))
            .getSession()) {
      session.addPasswordIdentity(device.password());
      session.auth().verify(Duration.ofSeconds(10));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ChannelExec channel = session.createExecChannel(command)) {
        channel.setOut(out);
        channel.setErr(out);
        channel.open().verify(Duration.ofSeconds(10));
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
