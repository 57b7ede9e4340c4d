package io.switchboard.inventory.campaign;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
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
  @Autowired OperationRepository operations;
  @Autowired CampaignHolds holds;

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

  @Test
  void aRunningCampaignHoldsTheDevicesItHasNotSkippedUntilItsOperationEnds() {
    Tenant tenant = aTenant().save(tenants);
    var model = aDeviceModel().save(models);
    Device waiting = aDevice().of(tenant).ofModel(model).save(devices);
    Device skipped = aDevice().of(tenant).ofModel(model).save(devices);
    Device outside = aDevice().of(tenant).ofModel(model).save(devices);
    Operation operation =
        operations.saveAndFlush(
            new Operation(tenant.getId(), "fleet-upgrade", "CAMPAIGN", "c-1", "alice"));
    UpgradeCampaign campaign = new UpgradeCampaign(tenant.getId(), "q4", "img", "23.4R1", "alice");
    campaign.setPlanJson("{}");
    campaign.setOperationId(operation.getId());
    campaign = campaigns.saveAndFlush(campaign);
    campaignDevices.saveAndFlush(new CampaignDevice(campaign.getId(), waiting.getId(), 2));
    CampaignDevice left = new CampaignDevice(campaign.getId(), skipped.getId(), 0);
    left.finished(CampaignDeviceStatus.SKIPPED, "already runs 23.4R1");
    campaignDevices.saveAndFlush(left);

    assertThat(holds.firstHeld(List.of(outside.getId(), waiting.getId())))
        .contains(new CampaignHold(waiting.getId(), campaign.getId(), "q4"));
    assertThat(holds.firstHeld(List.of(skipped.getId(), outside.getId()))).isEmpty();

    operation.cancel("stopped by hand");
    operations.saveAndFlush(operation);
    assertThat(holds.firstHeld(List.of(waiting.getId()))).as("released").isEmpty();
  }
}
