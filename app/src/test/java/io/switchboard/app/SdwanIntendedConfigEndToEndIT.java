package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.sdwan.VpnStatus;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What overlays commit is what each member's intended part {@code overlay-<id>} says, as a
 * compliance check reads the devices: two overlays sharing devices and routes, a site leaving one
 * of them, a rollout undone after a later member's confirmation failed; and stanzas named before
 * per-overlay naming go on the next rollout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SdwanIntendedConfigEndToEndIT {
  private static final int PORT = EndToEndApi.freePort();

  @Autowired TestRestTemplate rest;
  @Autowired DeviceRepository devices;
  @Autowired IntendedConfigRecorder intended;
  @Autowired OverlayMemberRepository members;
  HubAndSpoke network;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
  }

  @AfterEach
  void stopFleet() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void twoOverlaysOnSharedDevicesStayInSyncAndALeaveTakesARouteOnlyItHadAsAWhole()
      throws Exception {
    network = HubAndSpoke.start(new EndToEndApi(rest), devices, "I", "intent", 3, 40);
    network.withBaselines(intended);
    String s1 = network.spokeSites.get(0);
    String s2 = network.spokeSites.get(1);
    String s3 = network.spokeSites.get(2);
    String corp =
        network.overlay(
            "corp", "HUB_SPOKE", List.of(network.hubSite), List.of(s1, s2), "10.241.0.0/24");
    String mesh =
        network.overlay("mesh", "FULL_MESH", List.of(), List.of(s1, s2, s3), "10.242.0.0/24");
    assertCompleted(network.rollout(corp));
    // the mesh routes s2's LAN at s1 (and s1's at s2) beside corp's route through the hub
    assertCompleted(network.rollout(mesh));
    assertThat(HubAndSpoke.setCommands(network.spokes.get(0)))
        .contains("set routing-options static route 192.168.42.0/24 next-hop st0.1")
        .containsPattern(
            "set routing-options static route 192\\.168\\.42\\.0/24 next-hop st0\\.[3-9]");
    assertInSync(network.hubSite, s1, s2, s3);

    // s3 leaves the mesh: s1 and s2 lose their route to its LAN as a whole (no overlay routes it
    // any more), which the device would refuse as an empty route statement otherwise
    String leave =
        network
            .call(HttpMethod.DELETE, "/api/v1/overlays/" + mesh + "/sites/" + s3, null)
            .get("operationId")
            .asText();
    assertCompleted(network.finished(leave));
    for (int i = 0; i < 2; i++) {
      SimulatedDevice spoke = network.spokes.get(i);
      String otherLan = "192.168." + (42 - i) + ".0/24";
      assertThat(HubAndSpoke.setCommands(spoke))
          .doesNotContain("route 192.168.43.0/24")
          .contains("set routing-options static route " + otherLan + " next-hop st0.");
      assertThat(spoke.vpnStatus()).hasSize(4).allMatch(VpnStatus::up);
    }
    // (s3 itself keeps the empty containers its deletes leave in the simulator: docs/sdwan.md)
    assertInSync(network.hubSite, s1, s2);
  }

  @Test
  void aMemberRolledBackAfterALaterMembersFailedConfirmationRunsAndIntendsWhatItHadBefore()
      throws Exception {
    network = HubAndSpoke.start(new EndToEndApi(rest), devices, "R", "undo", 2, 50);
    network.withBaselines(intended);
    String s1 = network.spokeSites.get(0);
    String s2 = network.spokeSites.get(1);
    SimulatedDevice hub = network.hub;
    SimulatedDevice late = network.spokes.get(1);
    String corp = network.hubAndSpokeOverlay("corp", "10.243.0.0/24");
    assertCompleted(network.rollout(corp));
    String hubBefore = HubAndSpoke.setCommands(hub);
    String lateBefore = HubAndSpoke.setCommands(late);

    // a segment added at s1 changes the hub's and s2's routes; s2's tunnels are down, so the
    // rollout waits in its verification until the test has armed s2's next commit to fail
    network.call(
        HttpMethod.POST,
        "/api/v1/sites/" + s1 + "/lan-segments",
        Map.of("name", "voice", "prefix", "192.168.151.0/24"));
    late.linkDown("ge-0/0/0");
    late.linkDown("ge-0/0/1");
    String rollout =
        network
            .call(HttpMethod.POST, "/api/v1/overlays/" + corp + "/rollout", null)
            .get("operationId")
            .asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> HubAndSpoke.setCommands(late).contains("route 192.168.151.0/24"));
    assertThat(HubAndSpoke.setCommands(hub)).contains("route 192.168.151.0/24");
    late.injectFaultTimes(Fault.COMMIT_FAILURE, 1);
    late.linkUp("ge-0/0/0");
    late.linkUp("ge-0/0/1");

    JsonNode failed = network.finished(rollout);
    assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("FAILED");
    // the hub was confirmed before s2 failed: it is back to what it ran, and intends that
    assertThat(HubAndSpoke.setCommands(hub)).isEqualTo(hubBefore);
    assertThat(HubAndSpoke.setCommands(late)).isEqualTo(lateBefore);
    assertInSync(network.hubSite, s1, s2);
  }

  @Test
  void stanzasNamedBeforePerOverlayNamingGoOnTheNextRolloutAndNothingElseDoes() throws Exception {
    network = HubAndSpoke.start(new EndToEndApi(rest), devices, "L", "legacy", 1, 60);
    SimulatedDevice spoke = network.spoke();
    String corp = network.hubAndSpokeOverlay("corp", "10.244.0.0/24");
    assertCompleted(network.rollout(corp));
    String tag = corp.replace("-", "").substring(0, 8);
    String rolledOut = HubAndSpoke.setCommands(spoke);

    // what an overlay configured before per-overlay naming left on the device, next to an
    // operator's own statements
    spoke.changeOutOfBand(
        "alice",
        String.join(
            "\n",
            "set security ike proposal sdwan-ike authentication-method pre-shared-keys",
            "set security ike proposal sdwan-ike dh-group group19",
            "set security ipsec proposal sdwan-ipsec protocol esp",
            "set security ipsec policy sdwan-ipsec proposals sdwan-ipsec",
            "set security ike policy sdwan-t1 proposals sdwan-ike",
            "set routing-instances sdwan-internet instance-type forwarding",
            "set routing-instances sdwan-internet routing-options static route 192.168.60.0/24"
                + " next-hop st0.1",
            "set routing-instances sdwan-mpls instance-type forwarding",
            "set routing-instances customer-vrf instance-type virtual-router",
            "set system location building 9"),
        "as the old release left it");
    for (OverlayMember m : members.findByOverlayId(corp)) {
      m.setLegacyNames(true);
      members.save(m);
    }

    assertCompleted(network.rollout(corp));
    String after = HubAndSpoke.setCommands(spoke);
    assertThat(after)
        .doesNotContain(
            "sdwan-ike ", "sdwan-ipsec", "routing-instances sdwan-internet", "sdwan-mpls ")
        .contains(
            "set routing-instances customer-vrf instance-type virtual-router",
            "set system location building 9",
            "set security ike policy sdwan-t1 proposals sdwan-" + tag + "-ike");
    List<String> expected = new java.util.ArrayList<>(rolledOut.lines().toList());
    expected.add("set routing-instances customer-vrf instance-type virtual-router");
    expected.add("set system location building 9");
    assertThat(after.lines().toList())
        .as("the old stanzas went, the operator's stayed, the overlay's are as they were")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(spoke.vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
    assertThat(members.findByOverlayId(corp)).noneMatch(OverlayMember::hasLegacyNames);

    // done once: the next rollout of the unchanged overlay commits nothing
    int commits = spoke.commitHistory().size();
    assertCompleted(network.rollout(corp));
    assertThat(spoke.commitHistory()).hasSize(commits);
  }

  private void assertInSync(String... sites) {
    for (String site : sites) {
      JsonNode report = network.complianceOf(site);
      assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("IN_SYNC");
    }
  }

  private static void assertCompleted(JsonNode operation) {
    assertThat(operation.get("state").asText()).as(operation.toString()).isEqualTo("COMPLETED");
  }
}
