package io.switchboard.inventory.campaign;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A software upgrade of many devices of one tenant, in waves; carried out by an operation. */
@Entity
@Table(name = "upgrade_campaign")
public class UpgradeCampaign extends AuditedEntity {
  @Column(nullable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(nullable = false, length = 36)
  private String imageId;

  @Column(nullable = false, length = 60)
  private String targetVersion;

  /** The request's selection and wave sizes, as JSON, for the record. */
  @Lob
  @Column(name = "plan_json", nullable = false)
  private String planJson;

  @Column(nullable = false)
  private double maxFailurePercent;

  @Column(nullable = false)
  private double campaignMaxFailurePercent;

  /** ISO-8601 duration to wait after each wave before its health gate, or null. */
  @Column(length = 40)
  private String soakTime;

  @Column(nullable = false)
  private boolean approvalRequired;

  @Column(length = 120)
  private String approver;

  private Instant windowStart;
  private Instant windowEnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CampaignState state = CampaignState.PENDING;

  @Column(length = 36)
  private String operationId;

  @Column(length = 2000)
  private String stopReason;

  @Column(nullable = false, length = 120)
  private String requestedBy;

  protected UpgradeCampaign() {}

  public UpgradeCampaign(
      String tenantId, String name, String imageId, String targetVersion, String requestedBy) {
    this.tenantId = tenantId;
    this.name = name;
    this.imageId = imageId;
    this.targetVersion = targetVersion;
    this.requestedBy = requestedBy;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public String getImageId() {
    return imageId;
  }

  public String getTargetVersion() {
    return targetVersion;
  }

  public String getPlanJson() {
    return planJson;
  }

  public void setPlanJson(String planJson) {
    this.planJson = planJson;
  }

  public double getMaxFailurePercent() {
    return maxFailurePercent;
  }

  public double getCampaignMaxFailurePercent() {
    return campaignMaxFailurePercent;
  }

  /** The budget per wave and for the whole campaign, in percent of devices. */
  public void setBudgets(double perWave, double perCampaign) {
    this.maxFailurePercent = perWave;
    this.campaignMaxFailurePercent = perCampaign;
  }

  public String getSoakTime() {
    return soakTime;
  }

  public void setSoakTime(String soakTime) {
    this.soakTime = soakTime;
  }

  public boolean isApprovalRequired() {
    return approvalRequired;
  }

  public String getApprover() {
    return approver;
  }

  public void setApproval(boolean required, String approver) {
    this.approvalRequired = required;
    this.approver = approver;
  }

  public Instant getWindowStart() {
    return windowStart;
  }

  public Instant getWindowEnd() {
    return windowEnd;
  }

  public void setWindow(Instant start, Instant end) {
    this.windowStart = start;
    this.windowEnd = end;
  }

  public CampaignState getState() {
    return state;
  }

  public void setState(CampaignState state) {
    this.state = state;
  }

  public String getOperationId() {
    return operationId;
  }

  public void setOperationId(String operationId) {
    this.operationId = operationId;
  }

  public String getStopReason() {
    return stopReason;
  }

  /** Final: {@code state} with the reason (null when it completed). */
  public void end(CampaignState state, String reason) {
    this.state = state;
    this.stopReason = reason;
  }

  public String getRequestedBy() {
    return requestedBy;
  }
}
