package io.switchboard.inventory.sdwan;

import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The V5 schema round trip: links, overlays, members, tunnels with their key encrypted. */
@SpringBootTest(classes = InventoryTestApplication.class)
class SdwanRepositoryIT {
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired WanLinkRepository links;
  @Autowired OverlayRepository overlays;
  @Autowired OverlayMemberRepository members;
  @Autowired TunnelRepository tunnels;
  @Autowired JdbcTemplate jdbc;

  @Test
  void overlayTunnelsAndLinksRoundTripAndTheKeyIsEncryptedAtRest() {
    Tenant tenant = aTenant().save(tenants);
    Site hub = aSite().of(tenant).named("hub").save(sites);
    WanLink link = new WanLink(tenant.getId(), hub.getId(), "ge-0/0/0");
    link.setAccessType(AccessType.INTERNET);
    link.setAddressing(Addressing.STATIC);
    link.setAddress("198.51.100.1/24");
    link.setPathLabel("internet");
    links.save(link);
    Overlay overlay =
        overlays.save(new Overlay(tenant.getId(), "ov", Topology.HUB_SPOKE, "10.255.0.0/16"));
    members.save(new OverlayMember(tenant.getId(), overlay.getId(), hub.getId(), true));
    Tunnel tunnel = new Tunnel(tenant.getId(), overlay.getId(), 1, "plain-key-never-stored");
    tunnel.setPathLabel("internet");
    tunnel.setASiteId(hub.getId());
    tunnel.setAInterface("ge-0/0/0");
    tunnel.setAUnderlay("198.51.100.1");
    tunnel.setAAddress("10.255.0.0");
    tunnel.setBSiteId(hub.getId());
    tunnel.setBInterface("ge-0/0/0");
    tunnel.setBUnderlay("198.51.100.2");
    tunnel.setBAddress("10.255.0.1");
    tunnels.save(tunnel);

    assertThat(links.findBySiteIdOrderByPriorityAscInterfaceNameAsc(hub.getId())).hasSize(1);
    assertThat(overlays.findById(overlay.getId()).orElseThrow().getState())
        .isEqualTo(OverlayState.DRAFT);
    assertThat(tunnels.findByOverlayIdOrderByNumber(overlay.getId()).get(0).getPreSharedKey())
        .isEqualTo("plain-key-never-stored");
    String stored =
        jdbc.queryForObject(
            "SELECT psk_enc FROM sdwan_tunnel WHERE id = ?", String.class, tunnel.getId());
    assertThat(stored).doesNotContain("plain-key");
  }
}
