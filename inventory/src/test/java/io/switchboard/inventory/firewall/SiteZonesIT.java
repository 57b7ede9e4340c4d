package io.switchboard.inventory.firewall;

import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.firewall.SiteZones.SiteZone;
import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelRepository;
import io.switchboard.inventory.sdwan.TunnelState;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** A site's zones derived from its LAN segments, WAN links and overlay tunnels, and declared. */
@SpringBootTest(classes = InventoryTestApplication.class)
@Transactional
class SiteZonesIT {
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired LanSegmentRepository lanSegments;
  @Autowired WanLinkRepository wanLinks;
  @Autowired OverlayRepository overlays;
  @Autowired TunnelRepository tunnels;
  @Autowired SecurityZoneRepository declared;
  @Autowired SiteZones zones;

  @Test
  void trustUntrustAndSdwanComeFromTheSitesNetworkAndADeclaredZoneReplacesADerivedOne() {
    Tenant tenant = aTenant().save(tenants);
    Site site = aSite().of(tenant).save(sites);
    Site peer = aSite().of(tenant).save(sites);
    LanSegment users = new LanSegment(tenant.getId(), site.getId(), "users", "192.168.10.0/24");
    users.setVlanId(10);
    lanSegments.save(users);
    lanSegments.save(new LanSegment(tenant.getId(), site.getId(), "flat", "192.168.1.0/24"));
    wanLinks.save(link(tenant, site, "ge-0/0/0"));
    wanLinks.save(link(tenant, site, "ge-0/0/3"));
    Overlay overlay =
        overlays.save(new Overlay(tenant.getId(), "ov", Topology.FULL_MESH, "10.255.0.0/16"));
    tunnels.save(tunnel(tenant, overlay, 1, site, peer, 7, TunnelState.UP));
    tunnels.save(tunnel(tenant, overlay, 2, peer, site, 12, TunnelState.CONFIGURED));
    tunnels.save(tunnel(tenant, overlay, 3, site, peer, 13, TunnelState.PLANNED));
    tunnels.save(tunnel(tenant, overlay, 4, site, peer, 14, TunnelState.REMOVED));
    declared.save(new SecurityZone(tenant.getId(), site.getId(), "dmz", List.of("ge-0/0/2.0")));

    assertThat(zones.of(site.getId()))
        .containsExactly(
            new SiteZone(
                declared.findBySiteIdOrderByName(site.getId()).get(0).getId(),
                "dmz",
                List.of("ge-0/0/2.0"),
                false),
            new SiteZone(null, "sdwan", List.of("st0.7", "st0.12"), true),
            new SiteZone(null, "trust", List.of("irb.0", "irb.10"), true),
            new SiteZone(null, "untrust", List.of("ge-0/0/0.0", "ge-0/0/3.0"), true));

    declared.save(new SecurityZone(tenant.getId(), site.getId(), "trust", List.of("ge-0/0/1.0")));
    assertThat(zones.of(site.getId()))
        .filteredOn(z -> z.name().equals("trust"))
        .singleElement()
        .satisfies(
            z -> {
              assertThat(z.derived()).isFalse();
              assertThat(z.interfaces()).containsExactly("ge-0/0/1.0");
            });
    assertThat(zones.of(peer.getId()))
        .extracting(SiteZone::name, SiteZone::interfaces)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sdwan", List.of("st0.7", "st0.12")));
  }

  private static WanLink link(Tenant tenant, Site site, String itf) {
    WanLink link = new WanLink(tenant.getId(), site.getId(), itf);
    link.setAccessType(AccessType.INTERNET);
    link.setAddressing(Addressing.DHCP);
    link.setPathLabel("internet-" + itf.charAt(itf.length() - 1));
    return link;
  }

  private static Tunnel tunnel(
      Tenant tenant, Overlay overlay, int n, Site a, Site b, int unit, TunnelState state) {
    Tunnel t = new Tunnel(tenant.getId(), overlay.getId(), n, "key-" + n);
    t.setSt0Unit(unit);
    t.setPathLabel("internet");
    t.setASiteId(a.getId());
    t.setAInterface("ge-0/0/0");
    t.setAUnderlay("198.51.100.1");
    t.setAAddress("10.255.0." + 2 * n);
    t.setBSiteId(b.getId());
    t.setBInterface("ge-0/0/0");
    t.setBUnderlay("198.51.100.2");
    t.setBAddress("10.255.0." + (2 * n + 1));
    t.setState(state);
    return t;
  }
}
