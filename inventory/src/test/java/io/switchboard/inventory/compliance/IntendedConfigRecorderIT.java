package io.switchboard.inventory.compliance;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(classes = InventoryTestApplication.class)
class IntendedConfigRecorderIT {
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired IntendedConfigRecorder recorder;
  @Autowired JdbcTemplate jdbc;

  @Test
  void eachPartKeepsItsLatestLinesAndTheOperationThatWroteThem() {
    Device device =
        aDevice().of(aTenant().save(tenants)).ofModel(aDeviceModel().save(models)).save(devices);
    recorder.committed(
        device.getId(), IntendedConfigRecorder.PART_SITE, "set system host-name a\n", "op-1", 11L);
    recorder.committed(
        device.getId(),
        IntendedConfigRecorder.PART_ZTP_STAGE1,
        "# stage 1\n\nset system services netconf ssh\n",
        "op-1",
        11L);
    recorder.committed(
        device.getId(),
        IntendedConfigRecorder.PART_SITE,
        "  set system host-name b  \nset interfaces ge-0/0/0 unit 0\n",
        "op-2",
        22L);

    assertThat(recorder.of(device.getId()))
        .extracting(
            IntendedConfig::getPart,
            IntendedConfig::getSetLines,
            IntendedConfig::getOperationId,
            IntendedConfig::getProcessInstanceKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "site", "set system host-name b\nset interfaces ge-0/0/0 unit 0", "op-2", 22L),
            org.assertj.core.groups.Tuple.tuple(
                "ztp-stage1", "set system services netconf ssh", "op-1", 11L));
  }

  @Test
  void aRemovedPartIsGoneAndTheOthersStay() {
    Device device =
        aDevice().of(aTenant().save(tenants)).ofModel(aDeviceModel().save(models)).save(devices);
    recorder.committed(
        device.getId(), IntendedConfigRecorder.PART_SITE, "set system host-name a", "op-1", 11L);
    recorder.committed(device.getId(), "vnf-1", "set vmhost vlans v-lan vlan-id 20", "op-2", 22L);

    recorder.removed(device.getId(), "vnf-1");
    recorder.removed(device.getId(), "vnf-1");

    assertThat(recorder.of(device.getId()))
        .extracting(IntendedConfig::getPart)
        .containsExactly(IntendedConfigRecorder.PART_SITE);
  }

  @Test
  void aPartIsStoredSealedSoThatTheKeysItCarriesAreNotReadableInTheDatabase() {
    Device device =
        aDevice().of(aTenant().save(tenants)).ofModel(aDeviceModel().save(models)).save(devices);
    String lines = "set security ike policy sdwan-t1 pre-shared-key ascii-text \"tunnel-key-42\"";
    IntendedConfig part = recorder.committed(device.getId(), "overlay-o1", lines, "op-3", 33L);

    String sealed =
        jdbc.queryForObject(
            "SELECT set_lines_enc FROM intended_config WHERE id = ?", String.class, part.getId());
    assertThat(sealed).startsWith("v2:").doesNotContain("tunnel-key-42");
    assertThat(
            jdbc.queryForObject(
                "SELECT set_lines FROM intended_config WHERE id = ?", String.class, part.getId()))
        .isNull();
    assertThat(recorder.of(device.getId()).get(0).getSetLines()).isEqualTo(lines);
  }

  @Test
  void aPartWrittenBeforePartsWereSealedStillReadsAndIsSealedWhenWrittenAgain() {
    Device device =
        aDevice().of(aTenant().save(tenants)).ofModel(aDeviceModel().save(models)).save(devices);
    IntendedConfig part =
        recorder.committed(device.getId(), "site", "set system host-name a", "op-1", 1L);
    jdbc.update(
        "UPDATE intended_config SET set_lines = ?, set_lines_enc = NULL WHERE id = ?",
        "set system host-name old",
        part.getId());

    assertThat(recorder.of(device.getId()).get(0).getSetLines())
        .isEqualTo("set system host-name old");

    recorder.committed(device.getId(), "site", "set system host-name new", "op-2", 2L);
    assertThat(
            jdbc.queryForObject(
                "SELECT set_lines FROM intended_config WHERE id = ?", String.class, part.getId()))
        .isNull();
    assertThat(recorder.of(device.getId()).get(0).getSetLines())
        .isEqualTo("set system host-name new");
  }
}
