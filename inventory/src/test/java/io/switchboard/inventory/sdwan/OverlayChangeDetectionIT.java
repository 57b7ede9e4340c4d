package io.switchboard.inventory.sdwan;

import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.sdwan.planning.OverlayPlanning;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A LAN segment or WAN link changed at a site of an ACTIVE overlay is a change for the members that
 * route to it or run it: the preview and the next rollout touch them (and only them) and carry the
 * new routes and the deletes of the old ones; re-planning afterwards changes nothing.
 */
@SpringBootTest(classes = InventoryTestApplication.class)
class OverlayChangeDetectionIT {
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired WanLinkRepository links;
  @Autowired LanSegmentRepository segments;
  @Autowired OverlayRepository overlays;
  @Autowired OverlayMemberRepository members;
  @Autowired OverlayPlanning planning;

  Tenant tenant;
  Site hub;
  Site left;
  Site right;
  String overlayId;

  @BeforeEach
  void anActiveHubAndSpokeOverlay() {
    tenant = aTenant().save(tenants);
    hub = site("hub", 1, "192.168.1.0/24");
    left = site("left", 2, "192.168.2.0/24");
    right = site("right", 3, "192.168.3.0/24");
    Overlay overlay =
        overlays.save(new Overlay(tenant.getId(), "o", Topology.HUB_SPOKE, "10.255.0.0/24"));
    overlayId = overlay.getId();
    members.save(new OverlayMember(tenant.getId(), overlayId, hub.getId(), true));
    members.save(new OverlayMember(tenant.getId(), overlayId, left.getId(), false));
    members.save(new OverlayMember(tenant.getId(), overlayId, right.getId(), false));
    planning.persist(overlayId);
    confirmAll();
  }

  @Test
  void aSegmentAddedAtASpokeIsRoutedByTheHubAndTheOtherSpokeAndNothingElse() {
    segments.save(new LanSegment(tenant.getId(), left.getId(), "voice", "192.168.12.0/24"));

    OverlayPlanning.Snapshot snapshot = planning.snapshot(overlayId);
    assertThat(planning.touchedSites(snapshot, planning.plan(snapshot)))
        .containsExactlyInAnyOrder(hub.getId(), right.getId());
    assertThat(planning.previewFor(snapshot, planning.plan(snapshot), hub.getId()))
        .anyMatch(routeOverATunnel("192.168.12.0/24"));

    OverlayPlanning.Persisted persisted = planning.persist(overlayId);
    assertThat(persisted.touchedSites()).containsExactlyInAnyOrder(hub.getId(), right.getId());
    assertThat(planning.configurationFor(overlayId, right.getId()))
        .anyMatch(routeOverATunnel("192.168.12.0/24"));
    confirmAll();

    assertThat(planning.persist(overlayId).touchedSites()).as("planned again: no change").isEmpty();
  }

  @Test
  void aSegmentRemovedOrChangedAtASpokeDeletesItsOldRouteElsewhere() {
    LanSegment lan = segments.findBySiteIdOrderByName(left.getId()).get(0);
    lan.setPrefix("192.168.22.0/24");
    segments.save(lan);

    OverlayPlanning.Persisted changed = planning.persist(overlayId);
    assertThat(changed.touchedSites()).containsExactlyInAnyOrder(hub.getId(), right.getId());
    assertThat(planning.configurationFor(overlayId, hub.getId()))
        .contains("delete routing-options static route 192.168.2.0/24")
        .anyMatch(routeOverATunnel("192.168.22.0/24"));
    confirmAll();

    segments.deleteById(lan.getId());
    assertThat(planning.persist(overlayId).touchedSites())
        .containsExactlyInAnyOrder(hub.getId(), right.getId());
    assertThat(planning.configurationFor(overlayId, right.getId()))
        .contains("delete routing-options static route 192.168.22.0/24")
        .noneMatch(line -> line.contains("set routing-options static route 192.168.22.0/24"));
  }

  @Test
  void aWanLinkReaddressedBehindTheSamePublicAddressReconfiguresOnlyItsSite() {
    WanLink wan = links.findBySiteIdIn(List.of(right.getId())).get(0);
    wan.setAddress("198.51.100.33/24");
    links.save(wan);

    assertThat(planning.persist(overlayId).touchedSites()).isEqualTo(Set.of(right.getId()));
    assertThat(planning.configurationFor(overlayId, right.getId()))
        .contains(
            "delete interfaces ge-0/0/0 unit 0 family inet address 198.51.100.3/24",
            "set interfaces ge-0/0/0 unit 0 family inet address 198.51.100.33/24");
  }

  /** What confirming every member's commit does to its row (SdwanRollouts#confirmed). */
  private void confirmAll() {
    for (OverlayMember m : members.findByOverlayId(overlayId)) {
      m.setState("ACTIVE");
      m.setPendingRemoval(null);
      members.save(m);
    }
  }

  private Site site(String name, int host, String prefix) {
    Site site = aSite().of(tenant).named(name).save(sites);
    WanLink link = new WanLink(tenant.getId(), site.getId(), "ge-0/0/0");
    link.setAccessType(AccessType.INTERNET);
    link.setAddressing(Addressing.STATIC);
    link.setAddress("198.51.100." + host + "/24");
    link.setPublicAddress("203.0.113." + host);
    link.setPathLabel("internet");
    links.save(link);
    segments.save(new LanSegment(tenant.getId(), site.getId(), "lan", prefix));
    return site;
  }

  /**
   * A static route to {@code prefix} over one of the overlay's tunnels. Which st0 unit leads to
   * which spoke follows the order of the sites' generated ids, so it differs from run to run.
   */
  private static java.util.function.Predicate<String> routeOverATunnel(String prefix) {
    java.util.regex.Pattern route =
        java.util.regex.Pattern.compile(
            "set routing-options static route "
                + java.util.regex.Pattern.quote(prefix)
                + " next-hop st0\\.\\d+");
    return line -> route.matcher(line).matches();
  }
}
