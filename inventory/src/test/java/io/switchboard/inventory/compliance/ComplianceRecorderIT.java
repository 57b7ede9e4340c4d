package io.switchboard.inventory.compliance;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = InventoryTestApplication.class)
class ComplianceRecorderIT {
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired ComplianceRecorder recorder;
  @Autowired ComplianceReportRepository reports;
  @Autowired ComplianceTargetRepository targets;

  @Test
  void oneReportPerDeviceKeepsWhenItWentOutOfSyncAndWhatWasKnownWhileUnreachable() {
    Tenant tenant = aTenant().save(tenants);
    Device device = aDevice().of(tenant).ofModel(aDeviceModel().save(models)).save(devices);
    LastCommit alice = new LastCommit("alice", "2026-12-02 10:00:00 UTC", "cli", "by hand");

    ComplianceReport first =
        recorder.record(
            device.getId(), ComplianceStatus.OUT_OF_SYNC, alice, "[]", "drift", "op-1", 1L);
    ComplianceReport again =
        recorder.record(
            device.getId(), ComplianceStatus.OUT_OF_SYNC, alice, "[]", "drift", "op-2", 2L);
    ComplianceReport unreachable =
        recorder.record(
            device.getId(), ComplianceStatus.UNREACHABLE, null, null, "refused", null, 3L);

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(again.getOutOfSyncSince()).isEqualTo(first.getOutOfSyncSince());
    assertThat(unreachable.getLastCommit()).isEqualTo(alice);
    assertThat(unreachable.getDetailsJson()).isEqualTo("[]");
    assertThat(unreachable.getMessage()).isEqualTo("refused");
    ComplianceReport inSync =
        recorder.record(device.getId(), ComplianceStatus.IN_SYNC, alice, "[]", null, "op-4", 4L);
    assertThat(inSync.getOutOfSyncSince()).isNull();
    assertThat(reports.findByDeviceId(device.getId()).orElseThrow().getProcessInstanceKey())
        .isEqualTo(4L);
    assertThat(reports.countByTenantAndStatus(List.of(tenant.getId())))
        .singleElement()
        .satisfies(
            row -> assertThat(row).containsExactly(tenant.getId(), ComplianceStatus.IN_SYNC, 1L));
  }

  @Test
  void onlyDevicesInServiceAreCheckedByTenantAndTimerRuns() {
    Tenant tenant = aTenant().save(tenants);
    Device active = aDevice().of(tenant).ofModel(aDeviceModel().save(models)).save(devices);
    active.setLifecycleState(DeviceLifecycle.ACTIVE);
    devices.save(active);
    Device planned = aDevice().of(tenant).ofModel(aDeviceModel().save(models)).save(devices);

    assertThat(targets.activeDeviceIdsOfTenant(tenant.getId())).containsExactly(active.getId());
    assertThat(targets.activeDeviceIds()).contains(active.getId()).doesNotContain(planned.getId());
  }
}
