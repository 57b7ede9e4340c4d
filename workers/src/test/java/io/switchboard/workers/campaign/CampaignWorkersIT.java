package io.switchboard.workers.campaign;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.camunda.client.exception.BpmnError;
import io.switchboard.camel.junos.InterfaceStatus;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.inventory.campaign.CampaignDevice;
import io.switchboard.inventory.campaign.CampaignDeviceRepository;
import io.switchboard.inventory.campaign.CampaignDeviceStatus;
import io.switchboard.inventory.campaign.CampaignState;
import io.switchboard.inventory.campaign.UpgradeCampaign;
import io.switchboard.inventory.campaign.UpgradeCampaignRepository;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workers.upgrade.UpgradeImages;
import io.switchboard.workflows.campaign.FleetUpgrade;
import io.switchboard.workflows.campaign.FleetUpgradeVariables;
import io.switchboard.workflows.operation.OperationContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The campaign's steps on the inventory (H2); the devices are a stand-in driver. */
@DataJpaTest
@Import({
  CampaignWorkers.class,
  CampaignRecords.class,
  HealthGate.class,
  IntendedConfigRecorder.class
})
class CampaignWorkersIT {
  @Autowired CampaignWorkers workers;
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired UpgradeCampaignRepository campaigns;
  @Autowired CampaignDeviceRepository campaignDevices;
  @Autowired IntendedConfigRecorder intended;
  @MockitoBean DeviceDriver driver;
  @MockitoBean UpgradeImages images;

  private UpgradeCampaign campaign;
  private Device d1;
  private Device d2;
  private Device d3;

  @BeforeEach
  void campaignOfThreeDevices() {
    Tenant tenant = aTenant().save(tenants);
    var model = aDeviceModel().save(models);
    d1 = aDevice().of(tenant).ofModel(model).save(devices);
    d2 = aDevice().of(tenant).ofModel(model).save(devices);
    d3 = aDevice().of(tenant).ofModel(model).save(devices);
    UpgradeCampaign c = new UpgradeCampaign(tenant.getId(), "q4", "img", "23.4R1", "alice");
    c.setPlanJson("{}");
    campaign = campaigns.save(c);
    campaignDevices.save(new CampaignDevice(campaign.getId(), d1.getId(), 1));
    campaignDevices.save(new CampaignDevice(campaign.getId(), d2.getId(), 2));
    CampaignDevice skipped = new CampaignDevice(campaign.getId(), d3.getId(), 2);
    skipped.finished(CampaignDeviceStatus.SKIPPED, "already runs 23.4R1");
    campaignDevices.save(skipped);
  }

  private FleetUpgradeVariables vars(List<String> ids, List<Map<String, Object>> results) {
    return new FleetUpgradeVariables(campaign.getId(), 1, ids, results, null, null);
  }

  private CampaignDevice row(Device device) {
    return campaignDevices
        .findByCampaignIdAndDeviceIdIn(campaign.getId(), List.of(device.getId()))
        .get(0);
  }

  @Test
  void wavesLeaveSkippedDevicesOutAndTheCampaignRuns() {
    Map<String, Object> loaded = workers.loadWaves(vars(null, null));
    assertThat(loaded.get(FleetUpgrade.VAR_DEVICE_COUNT)).isEqualTo(2);
    assertThat(loaded.get(FleetUpgrade.VAR_WAVES))
        .isEqualTo(
            List.of(
                Map.of("number", 1, "deviceIds", List.of(d1.getId())),
                Map.of("number", 2, "deviceIds", List.of(d2.getId()))));
    assertThat(campaigns.findById(campaign.getId()).orElseThrow().getState())
        .isEqualTo(CampaignState.RUNNING);
  }

  @Test
  void eachDeviceRecordsItsStatusWithTheDevicesMessage() {
    workers.waveStarted(vars(List.of(d1.getId(), d2.getId()), null));
    assertThat(row(d1).getStatus()).isEqualTo(CampaignDeviceStatus.RUNNING);
    Map<String, Object> failed = new HashMap<>();
    failed.put("deviceId", d2.getId());
    failed.put("result", "FAILED");
    failed.put("message", "only 12 MB free in /var/tmp");
    Map<String, Object> upgraded = new HashMap<>();
    upgraded.put("deviceId", d1.getId());
    upgraded.put("result", "UPGRADED");
    upgraded.put("message", null);
    workers.recordWave(vars(null, List.of(upgraded, failed)));
    assertThat(row(d1).getStatus()).isEqualTo(CampaignDeviceStatus.UPGRADED);
    assertThat(row(d2).getStatus()).isEqualTo(CampaignDeviceStatus.FAILED);
    assertThat(row(d2).getMessage()).isEqualTo("only 12 MB free in /var/tmp");

    Map<String, Object> result =
        workers.finish(
            new FleetUpgradeVariables(
                campaign.getId(), null, null, null, FleetUpgrade.STOP_FAILED, "wave 2 over"));
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) result.get(OperationContract.VAR_RESULT);
    assertThat(counts)
        .containsEntry("UPGRADED", 1)
        .containsEntry("FAILED", 1)
        .containsEntry("SKIPPED", 1)
        .containsEntry("NOT_STARTED", 0)
        .containsEntry("state", "STOPPED");
    UpgradeCampaign ended = campaigns.findById(campaign.getId()).orElseThrow();
    assertThat(ended.getState()).isEqualTo(CampaignState.STOPPED);
    assertThat(ended.getStopReason()).isEqualTo("wave 2 over");
  }

  @Test
  void theHealthGateNamesEachUnhealthyDevice() {
    intended.committed(
        d1.getId(),
        "site",
        "set interfaces ge-0/0/0 unit 0 family inet dhcp\nset interfaces st0 unit 0 family inet",
        "op",
        1L);
    when(driver.softwareInformation(eq(d1.getId()), any()))
        .thenReturn(new SoftwareInformation("r1", "srx300", "23.4R1"));
    when(driver.interfaces(eq(d1.getId()), any()))
        .thenReturn(
            List.of(
                new InterfaceStatus("ge-0/0/0", "up", "up"),
                new InterfaceStatus("st0.0", "up", "down"),
                new InterfaceStatus("ge-0/0/5", "down", "down"),
                new InterfaceStatus("ge-0/0/6", "up", "down")));
    when(driver.softwareInformation(eq(d2.getId()), any()))
        .thenReturn(new SoftwareInformation("r2", "srx300", "21.4R3"));
    assertThatThrownBy(() -> workers.healthGate(vars(List.of(d1.getId(), d2.getId()), null)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(FleetUpgrade.ERROR_HEALTH_GATE_FAILED);
              assertThat(e.getErrorMessage())
                  .isEqualTo(
                      d1.getSerialNumber()
                          + ": st0.0 down; "
                          + d2.getSerialNumber()
                          + " runs 21.4R3, expected 23.4R1");
            });
  }

  @Test
  void healthyDevicesPassTheGate() {
    when(driver.softwareInformation(eq(d1.getId()), any()))
        .thenReturn(new SoftwareInformation("r1", "srx300", "23.4R1"));
    when(driver.interfaces(eq(d1.getId()), any()))
        .thenReturn(List.of(new InterfaceStatus("ge-0/0/0", "up", "up")));
    workers.healthGate(vars(List.of(d1.getId()), null));
  }
}
