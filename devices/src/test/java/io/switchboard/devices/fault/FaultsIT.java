package io.switchboard.devices.fault;

import static io.switchboard.devices.netconf.NetconfTestClient.errorMessages;
import static io.switchboard.devices.netconf.NetconfTestClient.isOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.netconf.NetconfTestClient;
import io.switchboard.devices.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Every fault, injected on one device, as a NETCONF client sees it. */
class FaultsIT {

  private static SimulatedFleet fleet;
  private SimulatedDevice device;

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.builder().devices(1).slowResponseDelay(Duration.ofMillis(1200)).start();
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  @BeforeEach
  void reset() {
    device = fleet.device(0);
    device.clearFaults();
    await().atMost(Duration.ofSeconds(5)).until(device::isReachable);
  }

  @Test
  void commitFailureAnswersJunosCheckOutErrorsAndKeepsRunning() throws Exception {
    device.injectFault(Fault.COMMIT_FAILURE);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>set system host-name never</configuration-set></load-configuration>");
      Element reply = nc.rpc("<commit-configuration/>");
      assertThat(errorMessages(reply))
          .containsExactly(
              "Check-out pass for Routing protocol process (/usr/sbin/rpd) dumped core (0x86)",
              "configuration check-out failed");
      Element error = Xml.child(reply, "rpc-error");
      assertThat(Xml.childText(error, "error-type")).isEqualTo("protocol");
      assertThat(Xml.childText(error, "error-tag")).isEqualTo("operation-failed");
      assertThat(Xml.childText(error, "error-path")).isEqualTo("[edit]");
      assertThat(errorMessages(nc.rpc("<commit/>"))).contains("configuration check-out failed");
      assertThat(device.runningConfig()).doesNotContain("never");
      device.clearFault(Fault.COMMIT_FAILURE);
      assertThat(isOk(nc.rpc("<commit/>"))).isTrue();
      assertThat(device.runningConfig()).contains("never");
    }
  }

  @Test
  void oneShotCommitFailureStrikesOnce() throws Exception {
    device.injectFaultTimes(Fault.COMMIT_FAILURE, 1);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(errorMessages(nc.rpc("<commit/>"))).isNotEmpty();
      assertThat(isOk(nc.rpc("<commit/>"))).isTrue();
    }
  }

  @Test
  void slowResponsesDelayEveryReply() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      device.injectFault(Fault.SLOW_RESPONSES);
      long start = System.nanoTime();
      assertThat(nc.rpcText("<get-software-information/>", Duration.ofMillis(800))).isNull();
      String late = nc.next(Duration.ofSeconds(5));
      assertThat(late).contains("software-information");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }
  }

  @Test
  void dropSessionCutsTheConnectionMidReplyAfterTheRpcRan() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc(
          "<load-configuration action=\"set\"><configuration-set>set system host-name dropped</configuration-set></load-configuration>");
      device.injectFault(Fault.DROP_SESSION);
      assertThat(nc.rpcText("<commit-configuration/>", Duration.ofSeconds(5))).isNull();
      assertThat(nc.awaitClosed(Duration.ofSeconds(5))).isTrue();
    }
    // The commit happened although its client never saw the answer.
    assertThat(device.runningConfig()).contains("dropped");
  }

  @Test
  void wrongSerialIsWhatTheChassisInventoryReports() throws Exception {
    device.injectFault(Fault.WRONG_SERIAL);
    assertThat(device.reportedSerialNumber()).isNotEqualTo(device.serialNumber());
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element chassis =
          Xml.path(nc.rpc("<get-chassis-inventory/>"), "chassis-inventory", "chassis");
      assertThat(Xml.childText(chassis, "serial-number")).isEqualTo(device.serialNumber() + "X");
    }
    device.clearFault(Fault.WRONG_SERIAL);
    assertThat(device.reportedSerialNumber()).isEqualTo(device.serialNumber());
  }

  @Test
  void corruptImageFailsTheChecksum() throws Exception {
    byte[] image = "image bytes".getBytes(StandardCharsets.UTF_8);
    try (TestHttpServer http = new TestHttpServer()) {
      http.serve("/junos-srxsme-22.4R3.tgz", image);
      device.injectFault(Fault.CORRUPT_IMAGE);
      try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
        Element reply =
            nc.rpc(
                "<request-package-add><package-name>"
                    + http.url("/junos-srxsme-22.4R3.tgz")
                    + "#sha256="
                    + TestHttpServer.sha256(image)
                    + "</package-name></request-package-add>");
        assertThat(Xml.childText(reply, "package-result")).isEqualTo("1");
        assertThat(Xml.childText(reply, "output"))
            .contains("is corrupt: SHA-256 checksum mismatch");
      }
    }
    assertThat(device.pendingSoftwareVersion()).isNull();
  }

  @Test
  void unreachableClosesThePortUntilCleared() throws Exception {
    NetconfTestClient open = NetconfTestClient.connect(device);
    device.injectFault(Fault.UNREACHABLE);
    assertThat(open.awaitClosed(Duration.ofSeconds(5))).isTrue();
    assertThat(device.isReachable()).isFalse();
    assertThatThrownBy(() -> NetconfTestClient.connect(device)).isInstanceOf(Exception.class);
    device.clearFault(Fault.UNREACHABLE);
    assertThat(device.isReachable()).isTrue();
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(isOk(nc.rpc("<discard-changes/>"))).isTrue();
    }
  }

  @Test
  void fleetProfileHitsTheSameDevicesOnEveryRun() {
    List<String> first = wrongSerials();
    List<String> second = wrongSerials();
    assertThat(first).isNotEmpty().hasSizeLessThan(40).isEqualTo(second);
  }

  private static List<String> wrongSerials() {
    try (SimulatedFleet hostile =
        SimulatedFleet.builder()
            .devices(40)
            .faults(FaultProfile.parse("wrong-serial=0.25,unreachable=0.1"))
            .build()) {
      hostile.start();
      assertThat(hostile.devices()).anyMatch(d -> !d.isReachable());
      return hostile.devices().stream()
          .filter(d -> !d.reportedSerialNumber().equals(d.serialNumber()))
          .map(SimulatedDevice::serialNumber)
          .toList();
    }
  }
}
