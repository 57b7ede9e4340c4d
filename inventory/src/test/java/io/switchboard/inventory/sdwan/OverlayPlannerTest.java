package io.switchboard.inventory.sdwan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.inventory.sdwan.plan.OverlayPlanner;
import io.switchboard.inventory.sdwan.plan.Plan;
import io.switchboard.inventory.sdwan.plan.PlanException;
import io.switchboard.inventory.sdwan.plan.PlanLink;
import io.switchboard.inventory.sdwan.plan.PlanRequest;
import io.switchboard.inventory.sdwan.plan.PlanSite;
import io.switchboard.inventory.sdwan.plan.PlanTunnel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverlayPlannerTest {
  static final String POOL = "10.255.0.0/16";

  static PlanSite site(String id, int n, String... labels) {
    List<PlanLink> links = new java.util.ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      links.add(new PlanLink("ge-0/0/" + i, labels[i], "198.51." + (100 + i) + "." + n, i));
    }
    return new PlanSite(id, id, "SRX300", 2000, links, List.of("192.168." + n + ".0/24"));
  }

  static Map<String, PlanSite> sites(PlanSite... sites) {
    Map<String, PlanSite> map = new HashMap<>();
    for (PlanSite s : sites) {
      map.put(s.siteId(), s);
    }
    return map;
  }

  static final Map<String, PlanSite> WORLD =
      sites(
          site("hub1", 1, "internet", "mpls"),
          site("hub2", 2, "internet", "mpls"),
          site("spoke1", 11, "internet", "mpls"),
          site("spoke2", 12, "internet"),
          site("spoke3", 13, "internet"),
          site("lte", 14, "lte"));

  static PlanRequest hubSpoke(List<String> spokes, List<PlanTunnel> previous) {
    List<String> members = new java.util.ArrayList<>(List.of("hub1", "hub2"));
    members.addAll(spokes);
    return new PlanRequest(
        Topology.HUB_SPOKE, List.of("hub1", "hub2"), members, POOL, WORLD, previous);
  }

  @Test
  void twoHubsTwoLabelsGiveOneTunnelPerPairPerCommonLabel() {
    Plan plan = OverlayPlanner.plan(hubSpoke(List.of("spoke1", "spoke2"), List.of()));

    assertThat(plan.tunnels())
        .extracting(t -> t.number() + " " + t.aSiteId() + "-" + t.bSiteId() + " " + t.pathLabel())
        .containsExactly(
            "1 hub1-spoke1 internet",
            "2 hub1-spoke1 mpls",
            "3 hub1-spoke2 internet",
            "4 hub2-spoke1 internet",
            "5 hub2-spoke1 mpls",
            "6 hub2-spoke2 internet");
    PlanTunnel mpls = plan.tunnels().get(1);
    assertThat(mpls.aInterface()).isEqualTo("ge-0/0/1");
    assertThat(mpls.aUnderlay()).isEqualTo("198.51.101.1");
    assertThat(mpls.bUnderlay()).isEqualTo("198.51.101.11");
    assertThat(mpls.aAddress()).isEqualTo("10.255.0.2");
    assertThat(mpls.bAddress()).isEqualTo("10.255.0.3");
    assertThat(plan.added()).hasSize(6);
  }

  @Test
  void fullMeshConnectsEverySiteToEveryOther() {
    Plan plan =
        OverlayPlanner.plan(
            new PlanRequest(
                Topology.FULL_MESH,
                List.of(),
                List.of("spoke3", "spoke1", "spoke2"),
                POOL,
                WORLD,
                List.of()));

    assertThat(plan.tunnels())
        .extracting(t -> t.aSiteId() + "-" + t.bSiteId() + " " + t.pathLabel())
        .containsExactly(
            "spoke1-spoke3 internet", "spoke2-spoke3 internet", "spoke1-spoke2 internet");
  }

  @Test
  void replanningAnUnchangedOverlayChangesNothing() {
    Plan first = OverlayPlanner.plan(hubSpoke(List.of("spoke1", "spoke2"), List.of()));
    Plan again = OverlayPlanner.plan(hubSpoke(List.of("spoke1", "spoke2"), first.tunnels()));

    assertThat(again.unchanged()).isTrue();
    assertThat(again.tunnels()).isEqualTo(first.tunnels());
    assertThat(again.touchedSites()).isEmpty();
  }

  @Test
  void addingASiteAddsOnlyItsTunnelsAndRemovingOneFreesOnlyItsNumbersForReuse() {
    Plan first = OverlayPlanner.plan(hubSpoke(List.of("spoke1", "spoke2"), List.of()));

    Plan added =
        OverlayPlanner.plan(hubSpoke(List.of("spoke1", "spoke2", "spoke3"), first.tunnels()));
    assertThat(added.tunnels()).containsAll(first.tunnels());
    assertThat(added.added())
        .extracting(t -> t.number() + " " + t.aSiteId() + "-" + t.bSiteId())
        .containsExactly("7 hub1-spoke3", "8 hub2-spoke3");
    assertThat(added.touchedSites()).containsExactlyInAnyOrder("hub1", "hub2", "spoke3");

    Plan removed = OverlayPlanner.plan(hubSpoke(List.of("spoke2", "spoke3"), added.tunnels()));
    assertThat(removed.removed()).extracting(PlanTunnel::number).containsExactly(1, 2, 4, 5);
    assertThat(removed.added()).isEmpty();
    assertThat(removed.tunnels()).extracting(PlanTunnel::number).containsExactly(3, 6, 7, 8);

    Plan reused =
        OverlayPlanner.plan(hubSpoke(List.of("spoke2", "spoke3", "spoke1"), removed.tunnels()));
    assertThat(reused.added())
        .extracting(t -> t.number() + " " + t.aAddress())
        .containsExactly("1 10.255.0.0", "2 10.255.0.2", "4 10.255.0.6", "5 10.255.0.8");
  }

  static PlanRequest hub1Spoke1Spoke2(Map<String, PlanSite> world, List<PlanTunnel> previous) {
    return new PlanRequest(
        Topology.HUB_SPOKE,
        List.of("hub1"),
        List.of("hub1", "spoke1", "spoke2"),
        POOL,
        world,
        previous);
  }

  @Test
  void inOneOverlayEachTunnelsSt0UnitIsItsNumber() {
    Plan first = OverlayPlanner.plan(hubSpoke(List.of("spoke1", "spoke2", "spoke3"), List.of()));
    assertThat(first.tunnels()).allMatch(t -> t.unit() == t.number());
  }

  @Test
  void st0UnitsAvoidTheUnitsOtherOverlaysUseOnEitherDeviceAndStayPut() {
    Map<String, PlanSite> world = new HashMap<>(WORLD);
    PlanSite hub = site("hub1", 1, "internet", "mpls");
    // another overlay's tunnels hold st0.1 and st0.2 on hub1's device, st0.3 on spoke2's
    world.put(
        "hub1",
        new PlanSite("hub1", "hub1", "SRX300", 2000, hub.links(), hub.lanPrefixes(), Set.of(1, 2)));
    PlanSite spoke2 = site("spoke2", 12, "internet");
    world.put(
        "spoke2",
        new PlanSite(
            "spoke2", "spoke2", "SRX300", 2000, spoke2.links(), spoke2.lanPrefixes(), Set.of(3)));
    Plan plan = OverlayPlanner.plan(hub1Spoke1Spoke2(world, List.of()));

    // numbers (and /31s) are the overlay's own; units are free on both ends
    assertThat(plan.tunnels())
        .extracting(t -> t.number() + " " + t.bSiteId() + " " + t.pathLabel() + " st0." + t.unit())
        .containsExactly(
            "1 spoke1 internet st0.3", "2 spoke1 mpls st0.4", "3 spoke2 internet st0.5");
    Map<String, Integer> perSite = new HashMap<>();
    for (PlanTunnel t : plan.tunnels()) {
      assertThat(perSite.put(t.aSiteId() + "/" + t.unit(), t.number())).isNull();
      assertThat(perSite.put(t.bSiteId() + "/" + t.unit(), t.number())).isNull();
      assertThat(world.get(t.aSiteId()).unitsInUse()).doesNotContain(t.unit());
      assertThat(world.get(t.bSiteId()).unitsInUse()).doesNotContain(t.unit());
    }

    // re-planned, kept tunnels keep their units even once the other overlay freed st0.1/st0.2
    world.put("hub1", hub);
    Plan again = OverlayPlanner.plan(hub1Spoke1Spoke2(world, plan.tunnels()));
    assertThat(again.unchanged()).isTrue();
    assertThat(again.tunnels()).isEqualTo(plan.tunnels());
  }

  @Test
  void aPoolTooSmallIsRefusedNamingThePool() {
    PlanRequest request =
        new PlanRequest(
            Topology.HUB_SPOKE,
            List.of("hub1"),
            List.of("hub1", "spoke1", "spoke2"),
            "10.255.0.0/30",
            WORLD,
            List.of());
    assertThatThrownBy(() -> OverlayPlanner.plan(request))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("tunnel pool 10.255.0.0/30 is exhausted")
        .extracting(e -> ((PlanException) e).field())
        .isEqualTo("tunnelPool");
  }

  @Test
  void aSpokeWithoutACommonLabelIsRefused() {
    assertThatThrownBy(() -> OverlayPlanner.plan(hubSpoke(List.of("lte"), List.of())))
        .isInstanceOf(PlanException.class)
        .hasMessage(
            "site 'lte' has no path label in common with site 'hub1' (lte: lte; hub1: internet,"
                + " mpls)");
  }

  @Test
  void moreTunnelsThanTheModelCarriesIsRefused() {
    Map<String, PlanSite> world = new HashMap<>(WORLD);
    PlanSite small = site("hub1", 1, "internet", "mpls");
    world.put(
        "hub1", new PlanSite("hub1", "hub1", "SRX300", 2, small.links(), small.lanPrefixes()));
    PlanRequest request =
        new PlanRequest(
            Topology.HUB_SPOKE,
            List.of("hub1"),
            List.of("hub1", "spoke1", "spoke2"),
            POOL,
            world,
            List.of());
    assertThatThrownBy(() -> OverlayPlanner.plan(request))
        .hasMessage("site 'hub1' would carry 3 tunnels; its model SRX300 supports at most 2");
  }

  @Test
  void aLinkWithoutAKnownAddressIsRefused() {
    Map<String, PlanSite> world = new HashMap<>(WORLD);
    world.put(
        "spoke2",
        new PlanSite(
            "spoke2",
            "spoke2",
            "SRX300",
            2000,
            List.of(new PlanLink("ge-0/0/0", "internet", null, 0)),
            List.of()));
    PlanRequest request =
        new PlanRequest(
            Topology.HUB_SPOKE, List.of("hub1"), List.of("spoke2"), POOL, world, List.of());
    assertThatThrownBy(() -> OverlayPlanner.plan(request))
        .hasMessageContaining("WAN link ge-0/0/0 has no known address");
  }
}
