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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendered stanzas compared with the checked-in files under {@code src/test/resources/sdwan}. */
class JunosSdwanRendererTest {
  static final List<DeviceIntent.Steering> STEERING =
      List.of(new DeviceIntent.Steering(1, "junos-sip", null, "voice", 1, 150, 30, "mpls"));

  static DeviceIntent intent(PlanRequest request, Plan plan, String site) {
    return intent(request, plan, site, false);
  }

  static DeviceIntent intent(PlanRequest request, Plan plan, String site, boolean shared) {
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
        shared);
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
    List<String> undo = JunosSdwanRenderer.removeAll(intent(request, plan, "spoke2", true));

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
