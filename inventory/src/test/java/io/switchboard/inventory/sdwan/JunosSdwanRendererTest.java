package io.switchboard.inventory.sdwan;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.sdwan.plan.OverlayPlanner;
import io.switchboard.inventory.sdwan.plan.Plan;
import io.switchboard.inventory.sdwan.plan.PlanRequest;
import io.switchboard.inventory.sdwan.render.DeviceIntent;
import io.switchboard.inventory.sdwan.render.DeviceIntents;
import io.switchboard.inventory.sdwan.render.JunosSdwanRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rendered stanzas compared with the checked-in files under {@code src/test/resources/sdwan}. */
class JunosSdwanRendererTest {
  static final List<DeviceIntent.Steering> STEERING =
      List.of(new DeviceIntent.Steering(1, "junos-sip", null, "voice", 1, 150, 30, "mpls"));

  static DeviceIntent intent(PlanRequest request, Plan plan, String site) {
    return intent(request, plan, site, false);
  }

  static DeviceIntent intent(PlanRequest request, Plan plan, String site, boolean shared) {
    return intent(request, plan, site, shared, Set.of());
  }

  static DeviceIntent intent(
      PlanRequest request, Plan plan, String site, boolean shared, Set<String> routedByOthers) {
    return DeviceIntents.forSite(
        request,
        plan.tunnels(),
        site,
        "srx",
        List.of(
            new DeviceIntent.WanPort("ge-0/0/0", null, null),
            new DeviceIntent.WanPort("ge-0/0/1", "198.51.101.1/24", "198.51.101.254")),
        n -> "key-" + n,
        DeviceIntent.IkeProfile.defaults(),
        STEERING,
        "ov1",
        shared,
        routedByOthers);
  }

  @Test
  void hubAndSpokeConfigurationsMatchTheExpectedFiles() throws IOException {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke1", "spoke2"), List.of());
    Plan plan = OverlayPlanner.plan(request);

    assertThat(text(JunosSdwanRenderer.render(intent(request, plan, "hub1"))))
        .isEqualTo(expected("hub1.set"));
    assertThat(text(JunosSdwanRenderer.render(intent(request, plan, "spoke1"))))
        .isEqualTo(expected("spoke1.set"));
  }

  @Test
  void aSiteLeavingRemovesItsTunnelsAndRoutesFromTheHub() throws IOException {
    PlanRequest before = OverlayPlannerTest.hubSpoke(List.of("spoke1", "spoke2"), List.of());
    Plan first = OverlayPlanner.plan(before);
    PlanRequest after = OverlayPlannerTest.hubSpoke(List.of("spoke2"), first.tunnels());
    Plan second = OverlayPlanner.plan(after);

    List<String> removal =
        JunosSdwanRenderer.removal(intent(before, first, "hub1"), intent(after, second, "hub1"));
    assertThat(text(removal)).isEqualTo(expected("hub1-spoke1-left.set"));
  }

  @Test
  void anUnchangedPlanNeedsNoRemovalAndRendersTheSameLines() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke1", "spoke2"), List.of());
    Plan plan = OverlayPlanner.plan(request);
    Plan again =
        OverlayPlanner.plan(
            OverlayPlannerTest.hubSpoke(List.of("spoke1", "spoke2"), plan.tunnels()));

    assertThat(
            JunosSdwanRenderer.removal(
                intent(request, plan, "hub1"), intent(request, again, "hub1")))
        .isEmpty();
    assertThat(JunosSdwanRenderer.render(intent(request, again, "hub1")))
        .isEqualTo(JunosSdwanRenderer.render(intent(request, plan, "hub1")));
  }

  @Test
  void removingEverythingTakesTheOverlayAway() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke2"), List.of());
    Plan plan = OverlayPlanner.plan(request);
    List<String> undo = JunosSdwanRenderer.removeAll(intent(request, plan, "spoke2"));

    assertThat(undo)
        .contains(
            "delete security ipsec vpn sdwan-t1",
            "delete interfaces st0 unit 2",
            "delete routing-options static route 192.168.1.0/24",
            "delete security ike proposal sdwan-ov1-ike",
            "delete security zones security-zone sdwan",
            "delete security advance-policy-based-routing profile sdwan");
  }

  @Test
  void anOverlayLeavingADeviceAnotherOverlayUsesTakesOnlyItsOwnStanzas() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke2"), List.of());
    Plan plan = OverlayPlanner.plan(request);
    Set<String> alsoRoutedByTheOther = Set.copyOf(routedPrefixes(request, plan, "spoke2"));
    List<String> undo =
        JunosSdwanRenderer.removeAll(intent(request, plan, "spoke2", true, alsoRoutedByTheOther));

    assertThat(undo)
        .contains(
            "delete security ipsec vpn sdwan-t1",
            "delete security ike proposal sdwan-ov1-ike",
            "delete security ipsec policy sdwan-ov1-ipsec",
            "delete routing-instances sdwan-ov1-internet",
            "delete security advance-policy-based-routing profile sdwan rule sdwan-ov1-r1",
            "delete security advance-policy-based-routing metrics-profile sdwan-ov1-sla-voice")
        .noneMatch(line -> line.equals("delete security zones security-zone sdwan"))
        .noneMatch(line -> line.endsWith("advance-policy-based-routing profile sdwan"))
        .noneMatch(line -> line.contains("advance-policy-based-routing-profile"))
        .noneMatch(line -> line.matches("delete routing-options static route \\S+"));
  }

  @Test
  void aPrefixOnlyTheLeavingOverlayRoutedOnASharedDeviceIsDeletedAsAWholeRoute() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke2"), List.of());
    Plan plan = OverlayPlanner.plan(request);
    List<String> prefixes = routedPrefixes(request, plan, "spoke2");
    String sharedPrefix = prefixes.get(0);
    List<String> undo =
        JunosSdwanRenderer.removeAll(intent(request, plan, "spoke2", true, Set.of(sharedPrefix)));

    assertThat(undo)
        .contains("delete routing-options static route " + prefixes.get(1))
        .noneMatch(
            line -> line.startsWith("delete routing-options static route " + prefixes.get(1) + " "))
        .contains("delete routing-options static route " + sharedPrefix + " next-hop st0.1")
        .doesNotContain("delete routing-options static route " + sharedPrefix)
        .noneMatch(line -> line.equals("delete security zones security-zone sdwan"));
  }

  @Test
  void aWanPortWhoseAddressChangedLosesTheOldAddress() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke1"), List.of());
    Plan plan = OverlayPlanner.plan(request);
    DeviceIntent before = intent(request, plan, "spoke1");
    DeviceIntent after =
        before.withWanLinks(
            List.of(
                new DeviceIntent.WanPort("ge-0/0/0", "203.0.113.5/24", "203.0.113.1"),
                new DeviceIntent.WanPort("ge-0/0/1", "198.51.101.9/24", "198.51.101.254")));

    assertThat(JunosSdwanRenderer.removal(before, after))
        .containsExactly(
            "delete interfaces ge-0/0/0 unit 0 family inet dhcp",
            "delete interfaces ge-0/0/1 unit 0 family inet address 198.51.101.1/24");
    assertThat(JunosSdwanRenderer.removal(before, before.withWanLinks(before.wanLinks())))
        .isEmpty();
  }

  @Test
  void aWanPortNoLongerALinkLosesWhatTheOverlaySetOnItUnlessAnotherOverlayUsesTheDevice() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke1"), List.of());
    Plan plan = OverlayPlanner.plan(request);
    DeviceIntent before = intent(request, plan, "spoke1");
    List<DeviceIntent.WanPort> one = List.of(before.wanLinks().get(0));

    assertThat(JunosSdwanRenderer.removal(before, before.withWanLinks(one)))
        .containsExactly(
            "delete interfaces ge-0/0/1 unit 0 family inet address 198.51.101.1/24",
            "delete security zones security-zone untrust interfaces ge-0/0/1.0"
                + " host-inbound-traffic system-services ike");
    DeviceIntent shared = intent(request, plan, "spoke1", true);
    assertThat(JunosSdwanRenderer.removal(shared, shared.withWanLinks(one))).isEmpty();
  }

  @Test
  void legacyRemovalDeletesOnlyThePreviousNamesOfThisOverlaysStanzas() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke1"), List.of());
    Plan plan = OverlayPlanner.plan(request);
    DeviceIntent hub = intent(request, plan, "hub1");

    List<String> legacy = JunosSdwanRenderer.legacyRemoval(hub, hub, false);
    assertThat(legacy)
        .containsExactlyInAnyOrder(
            "delete security ike policy sdwan-t1 proposals sdwan-ike",
            "delete security ike policy sdwan-t2 proposals sdwan-ike",
            "delete security ipsec policy sdwan-ipsec",
            "delete security ipsec proposal sdwan-ipsec",
            "delete security ike proposal sdwan-ike",
            "delete routing-instances sdwan-internet",
            "delete routing-instances sdwan-mpls",
            "delete security advance-policy-based-routing profile sdwan rule sdwan-r1",
            "delete security advance-policy-based-routing sla-rule sdwan-r1",
            "delete security advance-policy-based-routing metrics-profile sla-voice");
    assertThat(JunosSdwanRenderer.render(hub))
        .as("nothing the overlay renders now is deleted")
        .noneMatch(
            line ->
                legacy.stream()
                    .anyMatch(d -> line.startsWith("set " + d.substring("delete ".length()))));
    assertThat(JunosSdwanRenderer.legacyRemoval(hub, hub, true))
        .as("another overlay on the device may still use the old proposals")
        .noneMatch(line -> line.contains("sdwan-ike") || line.contains("sdwan-ipsec"));
  }

  private static List<String> routedPrefixes(PlanRequest request, Plan plan, String site) {
    List<String> prefixes = new ArrayList<>();
    for (String line : JunosSdwanRenderer.render(intent(request, plan, site))) {
      if (line.startsWith("set routing-options static route ")) {
        String prefix = line.split(" ")[4];
        if (!prefixes.contains(prefix)) {
          prefixes.add(prefix);
        }
      }
    }
    return prefixes;
  }

  @Test
  void eachEndOfATunnelNamesItselfAndItsPeerByIkeIdentity() {
    PlanRequest request = OverlayPlannerTest.hubSpoke(List.of("spoke1"), List.of());
    Plan plan = OverlayPlanner.plan(request);

    assertThat(JunosSdwanRenderer.render(intent(request, plan, "hub1")))
        .contains(
            "set security ike gateway sdwan-t1 local-identity hostname sdwan-ov1-t1-a",
            "set security ike gateway sdwan-t1 remote-identity hostname sdwan-ov1-t1-b");
    assertThat(JunosSdwanRenderer.render(intent(request, plan, "spoke1")))
        .contains(
            "set security ike gateway sdwan-t1 local-identity hostname sdwan-ov1-t1-b",
            "set security ike gateway sdwan-t1 remote-identity hostname sdwan-ov1-t1-a");
  }

  static String text(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  static String expected(String name) throws IOException {
    try (InputStream in = JunosSdwanRendererTest.class.getResourceAsStream("/sdwan/" + name)) {
      if (in == null) {
        throw new IOException("missing expected file sdwan/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
