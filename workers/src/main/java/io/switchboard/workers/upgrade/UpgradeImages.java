package io.switchboard.workers.upgrade;

import io.camunda.client.exception.CamundaError;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.ImageSignatureVerifier;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The catalogue's image for a device's upgrade, and the check that it is still what was signed. */
@Service
public class UpgradeImages {
  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final SoftwareImageRepository images;
  private final ImageSignatureVerifier verifier;

  public UpgradeImages(
      DeviceRepository devices,
      DeviceModelRepository models,
      SoftwareImageRepository images,
      ImageSignatureVerifier verifier) {
    this.devices = devices;
    this.models = models;
    this.images = images;
    this.verifier = verifier;
  }

  /** The image of {@code version} for the device's model family, or a PRECHECK_FAILED error. */
  public SoftwareImage imageFor(String deviceId, String version) {
    Device device = devices.findById(deviceId).orElseThrow();
    String family = models.findById(device.getModelId()).map(DeviceModel::getFamily).orElse("");
    return images
        .findByModelFamilyAndVersion(family, version)
        .orElseThrow(
            () ->
                failure(
                    DeviceUpgrade.ERROR_PRECHECK_FAILED,
                    "no image " + version + " for model family '" + family + "' in the catalogue"));
  }

  /**
   * The stored file must hash to what was uploaded and that hash must carry a trusted signature.
   */
  public void verify(SoftwareImage image) {
    byte[] digest = sha256(Path.of(image.getStorageLocation()));
    if (!HexFormat.of().formatHex(digest).equals(image.getSha256())
        || verifier.verify(digest, Base64.getDecoder().decode(image.getSignature())).isEmpty()) {
      throw failure(
          DeviceUpgrade.ERROR_BAD_SIGNATURE,
          "image " + image.getFileName() + " does not match its signature");
    }
  }

  static RuntimeException failure(String errorCode, String message) {
    return CamundaError.bpmnError(errorCode, message, Map.of(DeviceUpgrade.VAR_FAILURE, message));
  }

  private static byte[] sha256(Path file) {
    try (DigestInputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return in.getMessageDigest().digest();
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot read image " + file + ": " + e.getMessage(), e);
    }
  }
}
