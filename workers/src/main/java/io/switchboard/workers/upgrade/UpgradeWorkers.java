package io.switchboard.workers.upgrade;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.PackageAdd;
import io.switchboard.camel.junos.PackageResult;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.image.ImageSignatureVerifier;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workers.device.DeviceFailures;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The steps of one device's software upgrade. */
@Component
public class UpgradeWorkers {
  private final DeviceDriver driver;
  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final SoftwareImageRepository images;
  private final ImageSignatureVerifier verifier;
  private final ImageLinks links;
  private final ProducerTemplate routes;

  public UpgradeWorkers(
      DeviceDriver driver,
      DeviceRepository devices,
      DeviceModelRepository models,
      SoftwareImageRepository images,
      ImageSignatureVerifier verifier,
      ImageLinks links,
      ProducerTemplate routes) {
    this.driver = driver;
    this.devices = devices;
    this.models = models;
    this.images = images;
    this.verifier = verifier;
    this.links = links;
    this.routes = routes;
  }

  /** Reachable, on a known version, and an image exists for the target. */
  @JobWorker(type = DeviceUpgrade.JOB_PRECHECK)
  public Map<String, Object> precheck(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "targetSoftwareVersion", optional = true) String targetVersion) {
    if (targetVersion == null) {
      throw CamundaError.bpmnError(
          DeviceUpgrade.ERROR_PRECHECK_FAILED,
          "no target software version given",
          Map.of("failureReason", "no target software version given"));
    }
    SoftwareInformation info;
    try {
      info = driver.softwareInformation(deviceId);
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, DeviceUpgrade.ERROR_PRECHECK_FAILED, job.getRetries());
    }
    imageFor(deviceId, targetVersion);
    Device device = devices.findById(deviceId).orElseThrow();
    return Map.of(
        "previousSoftwareVersion",
        info.junosVersion(),
        "previousLifecycle",
        device.getLifecycleState().name());
  }

  /** The stored image must still match its signature before any device sees it. */
  @JobWorker(type = DeviceUpgrade.JOB_VERIFY_SIGNATURE)
  public void verifySignature(
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "targetSoftwareVersion") String targetVersion) {
    SoftwareImage image = imageFor(deviceId, targetVersion);
    byte[] digest = sha256(Path.of(image.getStorageLocation()));
    if (!HexFormat.of().formatHex(digest).equals(image.getSha256())
        || verifier.verify(digest, Base64.getDecoder().decode(image.getSignature())).isEmpty()) {
      String message = "image " + image.getFileName() + " does not match its signature";
      throw CamundaError.bpmnError(
          DeviceUpgrade.ERROR_BAD_SIGNATURE, message, Map.of("failureReason", message));
    }
  }

  @JobWorker(type = DeviceUpgrade.JOB_INSTALL_PACKAGE, timeout = 15 * 60 * 1000)
  public void install(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "targetSoftwareVersion") String targetVersion) {
    SoftwareImage image = imageFor(deviceId, targetVersion);
    PackageResult result;
    try {
      result = driver.addPackage(deviceId, new PackageAdd(links.linkFor(image), true, false));
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, DeviceUpgrade.ERROR_INSTALL_FAILED, job.getRetries());
    }
    if (!result.isSuccess()) {
      String message = "package-add answered " + result.code() + ": " + result.output();
      throw CamundaError.bpmnError(
          DeviceUpgrade.ERROR_INSTALL_FAILED, message, Map.of("failureReason", message));
    }
  }

  /** From now on a phone-home of this device means it is back online after the upgrade. */
  @JobWorker(type = DeviceUpgrade.JOB_REBOOT)
  public void reboot(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId) {
    setLifecycle(deviceId, DeviceLifecycle.UPGRADING);
    try {
      driver.reboot(deviceId);
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, DeviceUpgrade.ERROR_INSTALL_FAILED, job.getRetries());
    }
  }

  @JobWorker(type = DeviceUpgrade.JOB_POSTCHECK)
  public Map<String, Object> postcheck(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "targetSoftwareVersion") String targetVersion,
      @Variable(name = "previousLifecycle", optional = true) String previousLifecycle) {
    SoftwareInformation info;
    try {
      info = driver.softwareInformation(deviceId);
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(
          e, DeviceUpgrade.ERROR_POSTCHECK_FAILED, job.getRetries());
    }
    if (!targetVersion.equals(info.junosVersion())) {
      String message =
          "device runs " + info.junosVersion() + " after the upgrade, expected " + targetVersion;
      throw CamundaError.bpmnError(
          DeviceUpgrade.ERROR_POSTCHECK_FAILED, message, Map.of("failureReason", message));
    }
    Device device = devices.findById(deviceId).orElseThrow();
    device.setSoftwareVersion(info.junosVersion());
    device.setLifecycleState(
        previousLifecycle == null
            ? DeviceLifecycle.ACTIVE
            : DeviceLifecycle.valueOf(previousLifecycle));
    devices.save(device);
    return Map.of("softwareVersion", info.junosVersion());
  }

  @JobWorker(type = DeviceUpgrade.JOB_ROLLBACK_IMAGE)
  public void rollbackImage(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "previousLifecycle", optional = true) String previousLifecycle) {
    try {
      routes.requestBodyAndHeader(
          "netconf:device?operation=rpc",
          "<request-package-rollback/>",
          NetconfConstants.DEVICE_ID,
          deviceId);
    } catch (RuntimeException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException c ? c : e;
      throw DeviceFailures.asProcessError(
          cause, DeviceUpgrade.ERROR_INSTALL_FAILED, job.getRetries());
    }
    setLifecycle(
        deviceId,
        previousLifecycle == null
            ? DeviceLifecycle.ACTIVE
            : DeviceLifecycle.valueOf(previousLifecycle));
  }

  private SoftwareImage imageFor(String deviceId, String version) {
    Device device = devices.findById(deviceId).orElseThrow();
    String family = models.findById(device.getModelId()).map(m -> m.getFamily()).orElse("");
    return images
        .findByModelFamilyAndVersion(family, version)
        .orElseThrow(
            () -> {
              String message =
                  "no image " + version + " for model family '" + family + "' in the catalogue";
              return CamundaError.bpmnError(
                  DeviceUpgrade.ERROR_PRECHECK_FAILED, message, Map.of("failureReason", message));
            });
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

  private static byte[] sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return ((DigestInputStream) in).getMessageDigest().digest();
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot read image " + file + ": " + e.getMessage(), e);
    }
  }
}
