package io.switchboard.inventory.device;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A CPE at a site, known by its serial number. */
@Entity
@Table(name = "device")
public class Device extends AuditedEntity {
  @Column(nullable = false, length = 36)
  private String tenantId;

  @Column(length = 36)
  private String siteId;

  @Column(nullable = false, unique = true, length = 80)
  private String serialNumber;

  @Column(nullable = false, length = 36)
  private String modelId;

  @Column(length = 255)
  private String managementAddress;

  @Column(name = "credentials_enc", length = 1000)
  @Convert(converter = CredentialsConverter.class)
  private DeviceCredentials credentials;

  @Column(length = 60)
  private String softwareVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DeviceLifecycle lifecycleState = DeviceLifecycle.PLANNED;

  /** SHA256 fingerprint of the SSH host key, pinned on first connection. */
  @Column(length = 120)
  private String sshHostKeyFingerprint;

  /** bcrypt of the activation secret the device presents when it phones home; null: none set. */
  @Column(length = 100)
  private String activationSecretHash;

  private Integer netconfPort;

  protected Device() {}

  public Device(String tenantId, String serialNumber, String modelId) {
    this.tenantId = tenantId;
    this.serialNumber = serialNumber;
    this.modelId = modelId;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getSiteId() {
    return siteId;
  }

  public void setSiteId(String siteId) {
    this.siteId = siteId;
  }

  public String getSerialNumber() {
    return serialNumber;
  }

  public String getModelId() {
    return modelId;
  }

  public void setModelId(String modelId) {
    this.modelId = modelId;
  }

  public String getManagementAddress() {
    return managementAddress;
  }

  public void setManagementAddress(String managementAddress) {
    this.managementAddress = managementAddress;
  }

  public DeviceCredentials getCredentials() {
    return credentials;
  }

  public void setCredentials(DeviceCredentials credentials) {
    this.credentials = credentials;
  }

  public boolean hasCredentials() {
    return credentials != null;
  }

  public String getSoftwareVersion() {
    return softwareVersion;
  }

  public void setSoftwareVersion(String softwareVersion) {
    this.softwareVersion = softwareVersion;
  }

  public DeviceLifecycle getLifecycleState() {
    return lifecycleState;
  }

  public void setLifecycleState(DeviceLifecycle lifecycleState) {
    this.lifecycleState = lifecycleState;
  }

  public String getActivationSecretHash() {
    return activationSecretHash;
  }

  public void setActivationSecretHash(String activationSecretHash) {
    this.activationSecretHash = activationSecretHash;
  }

  public Integer getNetconfPort() {
    return netconfPort;
  }

  public void setNetconfPort(Integer netconfPort) {
    this.netconfPort = netconfPort;
  }

  public String getSshHostKeyFingerprint() {
    return sshHostKeyFingerprint;
  }

  public void setSshHostKeyFingerprint(String sshHostKeyFingerprint) {
    this.sshHostKeyFingerprint = sshHostKeyFingerprint;
  }
}
