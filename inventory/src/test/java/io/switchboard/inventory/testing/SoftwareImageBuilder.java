package io.switchboard.inventory.testing;

import io.switchboard.inventory.image.SoftwareImage;

/** Builds {@code SoftwareImage} test data; start from {@link InventoryBuilders}. */
public final class SoftwareImageBuilder
    extends InventoryBuilders.Builder<SoftwareImage, SoftwareImageBuilder> {
  private String version = "23.4R1.9";
  private String modelFamily = "srx";
  private String fileName;
  private String sha256 = "0".repeat(64);
  private String signature = "c2lnbmF0dXJl";
  private String signingKeyId = "test";
  private long sizeBytes = 1;
  private String storageLocation;

  public SoftwareImageBuilder version(String version) {
    this.version = version;
    return this;
  }

  public SoftwareImageBuilder fileName(String fileName) {
    this.fileName = fileName;
    return this;
  }

  public SoftwareImageBuilder forFamily(String modelFamily) {
    this.modelFamily = modelFamily;
    return this;
  }

  /** The stored file and what its upload recorded about it. */
  public SoftwareImageBuilder stored(
      String storageLocation, long sizeBytes, String sha256, String signature) {
    this.storageLocation = storageLocation;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.signature = signature;
    return this;
  }

  public SoftwareImageBuilder signedBy(String signingKeyId) {
    this.signingKeyId = signingKeyId;
    return this;
  }

  @Override
  SoftwareImage create() {
    String name = fileName != null ? fileName : "junos-" + modelFamily + "-" + version + ".tgz";
    return new SoftwareImage(
        version,
        modelFamily,
        name,
        sha256,
        signature,
        signingKeyId,
        sizeBytes,
        storageLocation != null ? storageLocation : "/nonexistent/" + name);
  }
}
