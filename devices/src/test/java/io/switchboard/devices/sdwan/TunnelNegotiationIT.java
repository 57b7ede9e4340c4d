package io.switchboard.devices.sdwan;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.devices.config.InterfaceState;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.netconf.NetconfTestClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * IPsec VPNs negotiated across the devices of one fleet: up only when both ends agree on addresses,
 * key and proposal and both WAN ports are up; down with a readable reason otherwise.
 */
class TunnelNegotiationIT {
  SimulatedFleet fleet;
  SimulatedDevice hub;
  SimulatedDevice spoke;

  @BeforeEach
  void fleet() {
    fleet = SimulatedFleet.builder().serials("HUB00001", "SPK00002").basePort(0).start();
    hub = fleet.device("HUB00001");
    spoke = fleet.device("SPK00002");
  }

  @AfterEach
  void close() {
    fleet.close();
  }

  static String side(String wan, String peer, String key, String dhGroup, String st0Address) {
    String wanLine =
        wan == null
            ? "set interfaces ge-0/0/0 unit 0 family inet dhcp\n"
            : "set interfaces ge-0/0/0 unit 0 family inet address " + wan + "/24\n";
    return wanLine
        + "set interfaces st0 unit 1 family inet address "
        + st0Address
        + "/31\n"
        + "set security ike proposal sdwan-ike authentication-method pre-shared-keys\n"
        + "set security ike proposal sdwan-ike dh-group "
        + dhGroup
        + "\n"
        + "set security ike proposal sdwan-ike encryption-algorithm aes-256-gcm\n"
        + "set security ike policy sdwan-t1 proposals sdwan-ike\n"
        + "set security ike policy sdwan-t1 pre-shared-key ascii-text \""
        + key
        + "\"\n"
        + "set security ike gateway sdwan-t1 ike-policy sdwan-t1\n"
        + "set security ike gateway sdwan-t1 address "
        + peer
        + "\n"
        + "set security ike gateway sdwan-t1 external-interface ge-0/0/0.0\n"
        + "set security ike gateway sdwan-t1 version v2-only\n"
        + "set security ipsec vpn sdwan-t1 bind-interface st0.1\n"
        + "set security ipsec vpn sdwan-t1 ike gateway sdwan-t1\n"
        + "set services rpm probe sdwan-t1 test sdwan-t1 target address 10.255.0.1\n"
        + "set services rpm probe sdwan-t1 test sdwan-t1 destination-interface st0.1\n";
  }

  void configure(String hubKey, String spokeKey, String spokeGroup, String spokePeer)
      throws Exception {
    String spokeAddress = UnderlayAddresses.learned("SPK00002", "ge-0/0/0");
    hub.applyBootstrapConfiguration(
        side("198.51.100.1", spokeAddress, hubKey, "group19", "10.255.0.0"), "set");
    spoke.applyBootstrapConfiguration(
        side(null, spokePeer, spokeKey, spokeGroup, "10.255.0.1"), "set");
  }

  static VpnStatus vpn(SimulatedDevice device) {
    return device.vpnStatus().get(0);
  }

  @Test
  void consistentEndsComeUpOnBothSidesWithTheirSt0Units() throws Exception {
    configure("s3cret", "s3cret", "group19", "198.51.100.1");

    assertThat(spoke.underlayAddress("ge-0/0/0")).isEqualTo("100.64.0.3");
    assertThat(vpn(hub).up()).isTrue();
    assertThat(vpn(spoke).up()).isTrue();
    assertThat(vpn(hub).remoteAddress()).isEqualTo("100.64.0.3");
    assertThat(st0(hub)).isEqualTo("up");
    assertThat(hub.tunnels().get(0).state()).isEqualTo("up");

    try (NetconfTestClient nc = NetconfTestClient.connect(hub)) {
      Element ike =
          Xml.child(
              nc.rpc("<get-ike-security-associations-information/>"),
              "ike-security-associations-information");
      assertThat(Xml.childText(Xml.child(ike, "ike-security-associations"), "ike-sa-state"))
          .isEqualTo("UP");
      Element ipsec =
          Xml.child(
              nc.rpc("<get-ipsec-security-associations-information/>"),
              "ipsec-security-associations-information");
      assertThat(Xml.childText(ipsec, "total-active-tunnels")).isEqualTo("1");
    }
  }

  @Test
  void aMismatchedKeyKeepsBothEndsDownWithTheReason() throws Exception {
    configure("s3cret", "other", "group19", "198.51.100.1");

    assertThat(vpn(hub).up()).isFalse();
    assertThat(vpn(hub).reason())
        .isEqualTo("IKE authentication with 100.64.0.3 failed: the pre-shared keys differ");
    assertThat(vpn(spoke).up()).isFalse();
    assertThat(st0(spoke)).isEqualTo("down");
    try (NetconfTestClient nc = NetconfTestClient.connect(spoke)) {
      Element ipsec =
          Xml.child(
              nc.rpc("<get-ipsec-security-associations-information/>"),
              "ipsec-security-associations-information");
      assertThat(Xml.childText(ipsec, "total-active-tunnels")).isEqualTo("0");
      assertThat(
              Xml.text(
                  Xml.path(
                      ipsec,
                      "ipsec-security-associations-block",
                      "ipsec-security-associations",
                      "sa-down-reason")))
          .contains("pre-shared keys differ");
    }
  }

  @Test
  void aWrongPeerAddressOrProposalKeepsTheTunnelDown() throws Exception {
    configure("s3cret", "s3cret", "group19", "198.51.100.77");
    assertThat(vpn(spoke).reason())
        .isEqualTo("IKE peer 198.51.100.77 does not respond: no device answers at that address");
    assertThat(vpn(hub).reason())
        .isEqualTo("IKE peer 100.64.0.3 has no gateway for 198.51.100.1: negotiation timed out");

    configure("s3cret", "s3cret", "group20", "198.51.100.1");
    assertThat(vpn(hub).reason())
        .isEqualTo("IKE negotiation with 100.64.0.3 failed: no proposal chosen");
  }

  @Test
  void pullingAWanCableBringsTheTunnelDownOnBothEnds() throws Exception {
    configure("s3cret", "s3cret", "group19", "198.51.100.1");
    assertThat(vpn(spoke).up()).isTrue();

    hub.linkDown("ge-0/0/0");
    assertThat(vpn(hub).reason()).isEqualTo("external interface ge-0/0/0.0 is down");
    assertThat(vpn(spoke).reason())
        .isEqualTo("IKE peer 198.51.100.1 does not respond: its interface ge-0/0/0 is down");
    assertThat(st0(spoke)).isEqualTo("down");

    hub.linkUp("ge-0/0/0");
    assertThat(vpn(spoke).up()).isTrue();
  }

  @Test
  void impairmentShowsInTheProbeResults() throws Exception {
    configure("s3cret", "s3cret", "group19", "198.51.100.1");
    hub.impair("ge-0/0/0", Impairment.parse("loss=10,latency=40,jitter=5"));
    spoke.impair("ge-0/0/0", new Impairment(10, 0, 2));

    ProbeResult probe = spoke.probeResults().get(0);
    assertThat(probe.lossPercent()).isEqualTo(19.0);
    assertThat(probe.rttMs()).isEqualTo(90.0);
    assertThat(probe.jitterMs()).isEqualTo(7.0);
    try (NetconfTestClient nc = NetconfTestClient.connect(spoke)) {
      Element results = Xml.child(nc.rpc("<get-probe-results/>"), "probe-results");
      Element generic =
          Xml.path(
              results,
              "probe-test-results",
              "probe-test-current-results",
              "probe-test-generic-results");
      assertThat(Xml.childText(generic, "loss-percentage")).isEqualTo("19");
      assertThat(
              Xml.text(Xml.path(generic, "probe-test-rtt", "probe-summary-results", "avg-delay")))
          .isEqualTo("90000");
    }

    hub.linkDown("ge-0/0/0");
    assertThat(spoke.probeResults().get(0).lossPercent()).isEqualTo(100.0);
  }

  /** A second VPN on st0.2 between the same two addresses, with its own key and identities. */
  static String second(String peer, String key, String localId, String remoteId, String st0) {
    String g = "set security ike gateway sdwan-t2 ";
    String ids =
        localId == null
            ? ""
            : g
                + "local-identity hostname "
                + localId
                + "\n"
                + g
                + "remote-identity hostname "
                + remoteId
                + "\n";
    return "set interfaces st0 unit 2 family inet address "
        + st0
        + "/31\n"
        + "set security ike policy sdwan-t2 proposals sdwan-ike\n"
        + "set security ike policy sdwan-t2 pre-shared-key ascii-text \""
        + key
        + "\"\n"
        + g
        + "ike-policy sdwan-t2\n"
        + g
        + "address "
        + peer
        + "\n"
        + g
        + "external-interface ge-0/0/0.0\n"
        + g
        + "version v2-only\n"
        + ids
        + "set security ipsec vpn sdwan-t2 bind-interface st0.2\n"
        + "set security ipsec vpn sdwan-t2 ike gateway sdwan-t2\n";
  }

  /** The first VPN with identities too, so that both ends name which tunnel they mean. */
  static String identities(String localId, String remoteId) {
    String g = "set security ike gateway sdwan-t1 ";
    return g
        + "local-identity hostname "
        + localId
        + "\n"
        + g
        + "remote-identity hostname "
        + remoteId
        + "\n";
  }

  @Test
  void twoVpnsBetweenTheSameAddressesPairByTheirIkeIdentities() throws Exception {
    String spokeAddress = UnderlayAddresses.learned("SPK00002", "ge-0/0/0");
    hub.applyBootstrapConfiguration(
        side("198.51.100.1", spokeAddress, "first", "group19", "10.255.0.0")
            + identities("a.t1.sdwan", "b.t1.sdwan")
            + second(spokeAddress, "second", "a.t2.sdwan", "b.t2.sdwan", "10.255.0.2"),
        "set");
    spoke.applyBootstrapConfiguration(
        side(null, "198.51.100.1", "first", "group19", "10.255.0.1")
            + identities("b.t1.sdwan", "a.t1.sdwan")
            + second("198.51.100.1", "second", "b.t2.sdwan", "a.t2.sdwan", "10.255.0.3"),
        "set");

    assertThat(hub.vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
    assertThat(spoke.vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
  }

  @Test
  void withoutIdentitiesTheSecondVpnBetweenTheSameAddressesMeetsTheFirstsKey() throws Exception {
    String spokeAddress = UnderlayAddresses.learned("SPK00002", "ge-0/0/0");
    hub.applyBootstrapConfiguration(
        side("198.51.100.1", spokeAddress, "first", "group19", "10.255.0.0")
            + second(spokeAddress, "second", null, null, "10.255.0.2"),
        "set");
    spoke.applyBootstrapConfiguration(
        side(null, "198.51.100.1", "first", "group19", "10.255.0.1")
            + second("198.51.100.1", "second", null, null, "10.255.0.3"),
        "set");

    VpnStatus secondAtHub =
        hub.vpnStatus().stream().filter(v -> v.name().equals("sdwan-t2")).findFirst().orElseThrow();
    assertThat(secondAtHub.up()).isFalse();
    assertThat(secondAtHub.reason()).contains("pre-shared keys differ");
  }

  static String st0(SimulatedDevice device) {
    List<InterfaceState> interfaces = device.interfaces();
    return interfaces.stream()
        .filter(i -> i.name().equals("st0"))
        .flatMap(i -> i.logicalInterfaces().stream())
        .filter(u -> u.name().equals("st0.1"))
        .findFirst()
        .orElseThrow()
        .operStatus();
  }
}
