package io.switchboard.workers.upgrade;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static io.switchboard.inventory.testing.InventoryBuilders.anImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.upgrade.DeviceUpgradeVariables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The upgrade steps on the inventory (H2); the device is a stand-in driver. */
@DataJpaTest
@Import({UpgradeWorkers.class, UpgradeImages.class})
class UpgradeWorkersIT {
  @Autowired UpgradeWorkers workers;
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired SoftwareImageRepository images;
  @MockitoBean DeviceDriver driver;

  private final ActivatedJob job = mock(ActivatedJob.class);
  private Device device;

  @BeforeEach
  void deviceBeingUpgraded() {
    String family = "fam-" + System.nanoTime();
    device =
        aDevice()
            .of(aTenant().save(tenants))
            .ofModel(aDeviceModel().ofFamily(family).save(models))
            .runs("21.4R3")
            .in(DeviceLifecycle.UPGRADING)
            .save(devices);
    when(job.getType()).thenReturn(DeviceUpgrade.JOB_POSTCHECK);
    when(job.getRetries()).thenReturn(3);
  }

  private DeviceUpgradeVariables upgradeTo(String version, String previousLifecycle) {
    return new DeviceUpgradeVariables(device.getId(), version, previousLifecycle);
  }

  private void deviceRuns(String version) {
    when(driver.softwareInformation(eq(device.getId()), any()))
        .thenReturn(new SoftwareInformation("cpe", "srx300", version));
  }

  @Test
  void aDeviceOnTheTargetVersionPassesAndGoesBackToItsLifecycle() {
    deviceRuns("23.4R1.9");

    var result = workers.postcheck(job, upgradeTo("23.4R1.9", "ONBOARDING"));

    assertThat(result).containsEntry(DeviceUpgrade.VAR_SOFTWARE_VERSION, "23.4R1.9");
    Device after = devices.findById(device.getId()).orElseThrow();
    assertThat(after.getSoftwareVersion()).isEqualTo("23.4R1.9");
    assertThat(after.getLifecycleState()).isEqualTo(DeviceLifecycle.ONBOARDING);
  }

  @Test
  void aDeviceStillOnTheOldVersionFailsThePostChecks() {
    deviceRuns("21.4R3");

    assertThatThrownBy(() -> workers.postcheck(job, upgradeTo("23.4R1.9", null)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(DeviceUpgrade.ERROR_POSTCHECK_FAILED);
              assertThat(e.getErrorMessage())
                  .isEqualTo("device runs 21.4R3 after the upgrade, expected 23.4R1.9");
            });
    assertThat(devices.findById(device.getId()).orElseThrow().getSoftwareVersion())
        .isEqualTo("21.4R3");
  }

  @Test
  void withoutAnImageInTheCatalogueThePreChecksFail() {
    deviceRuns("21.4R3");

    assertThatThrownBy(() -> workers.precheck(job, upgradeTo("99.1R1", null)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(DeviceUpgrade.ERROR_PRECHECK_FAILED);
              assertThat(e.getErrorMessage()).startsWith("no image 99.1R1 for model family");
            });
  }

  @Test
  void thePreChecksRecordWhatTheDeviceRanAndItsLifecycle() {
    deviceRuns("21.4R3");
    String family = models.findById(device.getModelId()).orElseThrow().getFamily();
    anImage().forFamily(family).version("23.4R1.9").save(images);

    assertThat(workers.precheck(job, upgradeTo("23.4R1.9", null)))
        .containsEntry(DeviceUpgrade.VAR_PREVIOUS_SOFTWARE_VERSION, "21.4R3")
        .containsEntry(DeviceUpgrade.VAR_PREVIOUS_LIFECYCLE, "UPGRADING");
  }

  @Test
  void anImageWhoseFileChangedSinceUploadIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("image.tgz"), "tampered", StandardCharsets.UTF_8);
    String family = models.findById(device.getModelId()).orElseThrow().getFamily();
    anImage()
        .forFamily(family)
        .version("23.4R1.9")
        .stored(file.toString(), 8, "ab".repeat(32), "c2lnbmF0dXJl")
        .save(images);

    assertThatThrownBy(() -> workers.verifySignature(upgradeTo("23.4R1.9", null)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(DeviceUpgrade.ERROR_BAD_SIGNATURE));
  }

  @Test
  void rollingBackTheImageRestoresTheLifecycleBeforeTheUpgrade() {
    workers.rollbackImage(job, upgradeTo("23.4R1.9", "ACTIVE"));

    assertThat(devices.findById(device.getId()).orElseThrow().getLifecycleState())
        .isEqualTo(DeviceLifecycle.ACTIVE);
  }
}
