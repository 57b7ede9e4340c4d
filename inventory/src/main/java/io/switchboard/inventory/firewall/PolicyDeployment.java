package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which version went (or was meant to go) to which device, when, by whom, with what result. */
@Entity
@Table(name = "fw_deployment")
public class PolicyDeployment extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String policyId;

  @Column(nullable = false, updatable = false)
  private int versionNumber;

  @Column(nullable = false, updatable = false, length = 36)
  private String siteId;

  @Column(length = 36)
  private String deviceId;

  @Column(length = 36)
  private String operationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DeploymentState state = DeploymentState.PENDING;

  @Column(length = 2000)
  private String message;

  @Column(nullable = false, length = 120)
  private String requestedBy;

  private Instant finishedAt;

  /** The version the device ran before this deployment; null when it ran none of the policy. */
  private Integer previousVersion;

  /** The policy's priority this deployment placed its rules by; null on rows before V18. */
  private Integer policyPriority;

  /** The site's zones this deployment rendered ({@link ZonesJson}); null on rows before V18. */
  @Lob private String zonesJson;

  protected PolicyDeployment() {}

  public PolicyDeployment(
      String tenantId,
      String policyId,
      int versionNumber,
      String siteId,
      String deviceId,
      String requestedBy) {
    this.tenantId = tenantId;
    this.policyId = policyId;
    this.versionNumber = versionNumber;
    this.siteId = siteId;
    this.deviceId = deviceId;
    this.requestedBy = requestedBy;
  }

  /** Records the end of this device's deployment. */
  public void finish(DeploymentState state, String message) {
    this.state = state;
    this.message =
        message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
    this.finishedAt = Instant.now();
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getPolicyId() {
    return policyId;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getSiteId() {
    return siteId;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public String getOperationId() {
    return operationId;
  }

  public void setOperationId(String operationId) {
    this.operationId = operationId;
  }

  public DeploymentState getState() {
    return state;
  }

  public String getMessage() {
    return message;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Integer getPreviousVersion() {
    return previousVersion;
  }

  public Integer getPolicyPriority() {
    return policyPriority;
  }

  public String getZonesJson() {
    return zonesJson;
  }

  /** Records where this deployment puts the policy on its device: priority and the site's zones. */
  public void setPlacement(int policyPriority, String zonesJson) {
    this.policyPriority = policyPriority;
    this.zonesJson = zonesJson;
  }

  public void setPreviousVersion(Integer previousVersion) {
    this.previousVersion = previousVersion;
  }
}
