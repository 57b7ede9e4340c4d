package io.switchboard.inventory.campaign;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Campaigns and their devices through the V8 schema. */
@SpringBootTest(classes = InventoryTestApplication.class)
class CampaignRepositoryIT {
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired UpgradeCampaignRepository campaigns;
  @Autowired CampaignDeviceRepository campaignDevices;

  @Test
  void aCampaignKeepsItsPlanAndEachDevicesStatus() {
    Tenant tenant = aTenant().save(tenants);
    Device one = aDevice().of(tenant).ofModel(aDeviceModel().save(models)).save(devices);
    UpgradeCampaign campaign = new UpgradeCampaign(tenant.getId(), "q4", "img", "23.4R1", "alice");
    campaign.setPlanJson("{\"serial\":[1]}");
    campaign.setBudgets(20, 10);
    campaign.setSoakTime("PT5M");
    campaign.setApproval(true, "bob");
    Instant start = Instant.parse("2026-12-02T22:00:00Z");
    campaign.setWindow(start, start.plusSeconds(3600));
    campaign = campaigns.saveAndFlush(campaign);
    CampaignDevice device = new CampaignDevice(campaign.getId(), one.getId(), 1);
    device.started();
    campaignDevices.saveAndFlush(device);

    UpgradeCampaign loaded = campaigns.findById(campaign.getId()).orElseThrow();
    assertThat(loaded.getWindowStart()).isEqualTo(start);
    assertThat(loaded.getMaxFailurePercent()).isEqualTo(20.0);
    assertThat(loaded.getState()).isEqualTo(CampaignState.PENDING);
    List<CampaignDevice> rows =
        campaignDevices.findByCampaignIdOrderByWaveNumberAscCreatedAtAsc(campaign.getId());
    assertThat(rows)
        .extracting(CampaignDevice::getStatus)
        .containsExactly(CampaignDeviceStatus.RUNNING);
    assertThat(
            campaignDevices.findFirstByDeviceIdAndStatus(one.getId(), CampaignDeviceStatus.RUNNING))
        .isPresent();
  }
}
