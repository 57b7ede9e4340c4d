package io.switchboard.inventory.image;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A signed device software image in the provider's catalogue. */
@Entity
@Table(name = "software_image")
public class SoftwareImage extends AuditedEntity {
  @Column(nullable = false, length = 60)
  private String version;

  @Column(nullable = false, length = 80)
  private String modelFamily;

  @Column(nullable = false, length = 255)
  private String fileName;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(nullable = false, length = 1000)
  private String signature;

  /** Id of the trusted key that verified the signature. */
  @Column(nullable = false, length = 80)
  private String signingKeyId;

  private long sizeBytes;

  @Column(nullable = false, length = 500)
  private String storageLocation;

  protected SoftwareImage() {}

  public SoftwareImage(
      String version,
      String modelFamily,
      String fileName,
      String sha256,
      String signature,
      String signingKeyId,
      long sizeBytes,
      String storageLocation) {
    this.version = version;
    this.modelFamily = modelFamily;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.signature = signature;
    this.signingKeyId = signingKeyId;
    this.sizeBytes = sizeBytes;
    this.storageLocation = storageLocation;
  }

  public String getVersion() {
    return version;
  }

  public String getModelFamily() {
    return modelFamily;
  }

  public String getFileName() {
    return fileName;
  }

  public String getSha256() {
    return sha256;
  }

  public String getSignature() {
    return signature;
  }

  public String getSigningKeyId() {
    return signingKeyId;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getStorageLocation() {
    return storageLocation;
  }
}
