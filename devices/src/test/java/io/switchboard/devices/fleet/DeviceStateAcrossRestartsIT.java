package io.switchboard.devices.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.devices.config.CommitInfo;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.netconf.NetconfTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A fleet with a state directory keeps each device's configuration and software across a restart of
 * the simulator, as a device keeps them across a power cycle: what the upgrade check needs of a
 * device that was rebooting into a new image when the orchestrator was upgraded.
 */
class DeviceStateAcrossRestartsIT {
  private static final String CHANGE =
      "<edit-config><target><candidate/></target><config><configuration><system>"
          + "<location><building>7</building></location></system></configuration></config>"
          + "</edit-config>";

  @TempDir Path state;

  private SimulatedFleet fleet() {
    return SimulatedFleet.builder()
        .serials("KEEP00001", "NEW00001")
        .basePort(0)
        .rebootDelay(Duration.ofHours(1))
        .stateDirectory(state)
        .build();
  }

  @Test
  void aDeviceRebootingIntoAStagedImageWhenTheSimulatorStopsComesBackOnItWithItsConfiguration()
      throws Exception {
    String factoryVersion;
    try (SimulatedFleet first = fleet().start()) {
      SimulatedDevice device = first.device("KEEP00001");
      factoryVersion = device.softwareVersion();
      try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
        assertThat(NetconfTestClient.isOk(nc.rpc(CHANGE))).isTrue();
        assertThat(NetconfTestClient.isOk(nc.rpc("<commit/>"))).isTrue();
      }
      device.software().stage("junos-srxsme-23.4R1.9.tgz", "23.4R1.9", "http://images/x");
      device.reboot(); // away for an hour: still rebooting when the simulator stops
    }
    assertThat(state.resolve("KEEP00001.json")).exists();

    try (SimulatedFleet second = fleet().start()) {
      SimulatedDevice device = second.device("KEEP00001");
      assertThat(device.softwareVersion()).isEqualTo("23.4R1.9");
      assertThat(device.software().previousVersion()).isEqualTo(factoryVersion);
      assertThat(device.software().packages())
          .extracting(p -> p.name())
          .contains("junos-srxsme-23.4R1.9.tgz");
      try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
        Element running = nc.rpc("<get-config><source><running/></source></get-config>");
        assertThat(Xml.toString(running)).contains("<building>7</building>");
      }
      assertThat(device.config().history())
          .extracting(CommitInfo::client)
          .startsWith(CommitInfo.CLIENT_NETCONF);
      // a device that changed nothing comes back as it was: factory-new
      SimulatedDevice fresh = second.device("NEW00001");
      assertThat(Xml.toString(fresh.config().read(Datastore.RUNNING))).doesNotContain("building");
      assertThat(fresh.config().history()).hasSize(1);
    }
  }

  @Test
  void anUnconfirmedCommitDoesNotSurviveARestart() throws Exception {
    try (SimulatedFleet first = fleet().start()) {
      SimulatedDevice device = first.device("KEEP00001");
      try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
        nc.rpc(CHANGE);
        nc.rpc(
            "<commit-configuration><confirmed/><confirm-timeout>10</confirm-timeout>"
                + "</commit-configuration>");
      }
      assertThat(device.config().confirmDeadline()).isPresent();
    }
    try (SimulatedFleet second = fleet().start()) {
      SimulatedDevice device = second.device("KEEP00001");
      assertThat(Xml.toString(device.config().read(Datastore.RUNNING))).doesNotContain("building");
      assertThat(device.config().history().get(0).kind()).isEqualTo("rollback");
      assertThat(device.config().confirmDeadline()).isEmpty();
    }
  }

  @Test
  void aStateFileOfAnotherDeviceIsRefused() throws Exception {
    try (SimulatedFleet first = fleet().start()) {
      first.device("KEEP00001").config().history(); // nothing changed: the close writes it anyway
    }
    Files.copy(
        state.resolve("KEEP00001.json"),
        state.resolve("NEW00001.json"),
        StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(this::fleet).hasMessageContaining("NEW00001");
  }
}
