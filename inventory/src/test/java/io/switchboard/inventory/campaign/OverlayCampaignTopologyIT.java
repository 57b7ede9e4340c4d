package io.switchboard.inventory.campaign;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The SD-WAN overlay members as wave-planning facts, and the waves they give. */
@SpringBootTest(classes = InventoryTestApplication.class)
class OverlayCampaignTopologyIT {
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired OverlayRepository overlays;
  @Autowired OverlayMemberRepository members;
  @Autowired OverlayCampaignTopology topology;

  @Test
  void aHubPairIsSplitAndSpokesNeverGoWithTheirOnlyHub() {
    Tenant tenant = aTenant().save(tenants);
    DeviceModel model = aDeviceModel().save(models);
    Overlay dual =
        overlays.save(new Overlay(tenant.getId(), "dual", Topology.HUB_SPOKE, "10.255.0.0/24"));
    Overlay single =
        overlays.save(new Overlay(tenant.getId(), "single", Topology.HUB_SPOKE, "10.254.0.0/24"));
    String h1 = member(tenant, model, dual, true);
    String h2 = member(tenant, model, dual, true);
    String s1 = member(tenant, model, dual, false);
    String h3 = member(tenant, model, single, true);
    String s2 = member(tenant, model, single, false);

    CampaignTopology.Overlays facts = topology.of(List.of(h1, h2, s1, h3, s2));
    assertThat(facts.hubsByOverlay())
        .isEqualTo(Map.of(dual.getId(), Set.of(h1, h2), single.getId(), Set.of(h3)));
    assertThat(facts.hubsBySpoke()).isEqualTo(Map.of(s1, Set.of(h1, h2), s2, Set.of(h3)));

    List<List<String>> waves =
        WavePlanner.plan(List.of(h1, h2, h3, s2, s1), List.of(), SerialSpec.of(List.of(10)), facts);
    assertThat(waves).containsExactly(List.of(h1, h3, s1), List.of(h2, s2));
  }

  private String member(Tenant tenant, DeviceModel model, Overlay overlay, boolean hub) {
    Site site = aSite().of(tenant).save(sites);
    members.save(new OverlayMember(tenant.getId(), overlay.getId(), site.getId(), hub));
    return aDevice().at(site).ofModel(model).save(devices).getId();
  }
}
