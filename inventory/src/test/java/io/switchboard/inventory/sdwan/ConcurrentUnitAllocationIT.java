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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two overlays sharing a device, planned at the same instant, never pick the same st0 unit there:
 * planning locks the member sites, so the second reads the units the first took.
 */
@SpringBootTest(classes = InventoryTestApplication.class)
class ConcurrentUnitAllocationIT {
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired WanLinkRepository links;
  @Autowired OverlayRepository overlays;
  @Autowired OverlayMemberRepository members;
  @Autowired TunnelRepository tunnels;
  @Autowired OverlayPlanning planning;

  @Test
  void twoOverlaysPlanningAtOnceOnASharedDeviceTakeDifferentUnits() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        Tenant tenant = aTenant().save(tenants);
        Site shared = site(tenant, "shared", 1);
        String first = meshWith(tenant, "first", shared, site(tenant, "left", 2));
        String second = meshWith(tenant, "second", shared, site(tenant, "right", 3));
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<OverlayPlanning.Persisted>> both = new ArrayList<>();
        for (String overlay : List.of(first, second)) {
          both.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    await(start);
                    return planning.persist(overlay);
                  },
                  pool));
        }
        for (var f : both) {
          f.get(30, TimeUnit.SECONDS);
        }

        List<Integer> unitsAtShared = new ArrayList<>();
        for (String overlay : List.of(first, second)) {
          tunnels
              .findByOverlayIdOrderByNumber(overlay)
              .forEach(t -> unitsAtShared.add(t.getSt0Unit()));
        }
        assertThat(unitsAtShared).as("round " + round).hasSize(2).doesNotHaveDuplicates();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private String meshWith(Tenant tenant, String name, Site a, Site b) {
    Overlay overlay =
        overlays.save(new Overlay(tenant.getId(), name, Topology.FULL_MESH, "10.255.0.0/24"));
    members.save(new OverlayMember(tenant.getId(), overlay.getId(), a.getId(), false));
    members.save(new OverlayMember(tenant.getId(), overlay.getId(), b.getId(), false));
    return overlay.getId();
  }

  private Site site(Tenant tenant, String name, int host) {
    Site site = aSite().of(tenant).named(name).save(sites);
    WanLink link = new WanLink(tenant.getId(), site.getId(), "ge-0/0/0");
    link.setAccessType(AccessType.INTERNET);
    link.setAddressing(Addressing.STATIC);
    link.setAddress("198.51.100." + host + "/24");
    link.setPathLabel("internet");
    links.save(link);
    return site;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
