package io.switchboard.workers.upgrade;

import static io.switchboard.workers.device.OnFailure.raise;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.switchboard.camel.junos.PackageAdd;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.upgrade.DeviceUpgradeVariables;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The steps of one device's software upgrade. */
@Component
public class UpgradeWorkers {
  /** An install downloads and unpacks the whole image: far longer than any other device step. */
  static final long INSTALL_TIMEOUT_MILLIS = 15 * 60 * 1000;

  private final DeviceDriver driver;
  private final DeviceRepository devices;
  private final UpgradeImages images;
  private final ImageLinks links;

  public UpgradeWorkers(
      DeviceDriver driver, DeviceRepository devices, UpgradeImages images, ImageLinks links) {
    this.driver = driver;
    this.devices = devices;
    this.images = images;
    this.links = links;
  }

  /** Reachable, on a known version, and an image exists for the target. */
  @JobWorker(type = DeviceUpgrade.JOB_PRECHECK)
  public Map<String, Object> precheck(ActivatedJob job, @VariablesAsType DeviceUpgradeVariables v) {
    if (v.targetSoftwareVersion() == null) {
      throw UpgradeImages.failure(
          DeviceUpgrade.ERROR_PRECHECK_FAILED, "no target software version given");
    }
    SoftwareInformation info =
        driver.softwareInformation(v.targetId(), raise(DeviceUpgrade.ERROR_PRECHECK_FAILED, job));
    images.imageFor(v.targetId(), v.targetSoftwareVersion());
    Device device = devices.findById(v.targetId()).orElseThrow();
    return Map.of(
        DeviceUpgrade.VAR_PREVIOUS_SOFTWARE_VERSION,
        info.junosVersion(),
        DeviceUpgrade.VAR_PREVIOUS_LIFECYCLE,
        device.getLifecycleState().name());
  }

  /** The stored image must still match its signature before any device sees it. */
  @JobWorker(type = DeviceUpgrade.JOB_VERIFY_SIGNATURE)
  public void verifySignature(@VariablesAsType DeviceUpgradeVariables v) {
    images.verify(images.imageFor(v.targetId(), v.targetSoftwareVersion()));
  }

  @JobWorker(type = DeviceUpgrade.JOB_INSTALL_PACKAGE, timeout = INSTALL_TIMEOUT_MILLIS)
  public void install(ActivatedJob job, @VariablesAsType DeviceUpgradeVariables v) {
    SoftwareImage image = images.imageFor(v.targetId(), v.targetSoftwareVersion());
    // a non-zero package-result is a JunosOperationException: INSTALL_FAILED with its output
    driver.addPackage(
        v.targetId(),
        new PackageAdd(links.linkFor(image), true, false),
        raise(DeviceUpgrade.ERROR_INSTALL_FAILED, job));
  }

  /** From now on a phone-home of this device means it is back online after the upgrade. */
  @JobWorker(type = DeviceUpgrade.JOB_REBOOT)
  public void reboot(ActivatedJob job, @VariablesAsType DeviceUpgradeVariables v) {
    setLifecycle(v.targetId(), DeviceLifecycle.UPGRADING);
    driver.reboot(v.targetId(), raise(DeviceUpgrade.ERROR_INSTALL_FAILED, job));
  }

  @JobWorker(type = DeviceUpgrade.JOB_POSTCHECK)
  public Map<String, Object> postcheck(
      ActivatedJob job, @VariablesAsType DeviceUpgradeVariables v) {
    SoftwareInformation info =
        driver.softwareInformation(v.targetId(), raise(DeviceUpgrade.ERROR_POSTCHECK_FAILED, job));
    if (!v.targetSoftwareVersion().equals(info.junosVersion())) {
      throw UpgradeImages.failure(
          DeviceUpgrade.ERROR_POSTCHECK_FAILED,
          "device runs "
              + info.junosVersion()
              + " after the upgrade, expected "
              + v.targetSoftwareVersion());
    }
    Device device = devices.findById(v.targetId()).orElseThrow();
    device.setSoftwareVersion(info.junosVersion());
    device.setLifecycleState(lifecycleBefore(v));
    devices.save(device);
    return Map.of(DeviceUpgrade.VAR_SOFTWARE_VERSION, info.junosVersion());
  }

  /** Stages the previous image again; nothing to go back to (not installed yet) is fine. */
  @JobWorker(type = DeviceUpgrade.JOB_ROLLBACK_IMAGE)
  public void rollbackImage(ActivatedJob job, @VariablesAsType DeviceUpgradeVariables v) {
    driver.rollbackPackage(v.targetId(), raise(DeviceUpgrade.ERROR_INSTALL_FAILED, job));
    setLifecycle(v.targetId(), lifecycleBefore(v));
  }

  private static DeviceLifecycle lifecycleBefore(DeviceUpgradeVariables v) {
    return v.previousLifecycle() == null
        ? DeviceLifecycle.ACTIVE
        : DeviceLifecycle.valueOf(v.previousLifecycle());
  }

  private void setLifecycle(String deviceId, DeviceLifecycle state) {
    devices
        .findById(deviceId)
        .ifPresent(
            device -> {
              device.setLifecycleState(state);
              devices.save(device);
            });
  }
}
