package io.switchboard.inventory.compliance;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest compliance check of one device: its verdict, the last commit on the device (who, when,
 * through which client), the per-feature drift as JSON ({@link ConfigDrift}), and the check's
 * operation and process instance. One row per device, replaced by every check.
 */
@Entity
@Table(name = "compliance_report")
public class ComplianceReport extends AuditedEntity {
  @Column(nullable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 36)
  private String deviceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ComplianceStatus status;

  @Column(nullable = false)
  private Instant checkedAt;

  @Column(length = 120)
  private String commitUser;

  @Column(length = 60)
  private String commitTime;

  @Column(length = 60)
  private String commitClient;

  @Column(length = 500)
  private String commitComment;

  @Lob
  @Column(name = "details_json")
  private String detailsJson;

  @Column(length = 2000)
  private String message;

  @Column(length = 36)
  private String operationId;

  private Long processInstanceKey;

  /** Since when the device has been out of sync without a check finding it in sync. */
  private Instant outOfSyncSince;

  protected ComplianceReport() {}

  public ComplianceReport(String tenantId, String deviceId) {
    this.tenantId = tenantId;
    this.deviceId = deviceId;
  }

  /** A new verdict; the drift's start is kept while the device stays out of sync. */
  public void checked(
      ComplianceStatus status,
      LastCommit lastCommit,
      String detailsJson,
      String message,
      String operationId,
      Long processInstanceKey) {
    // Whole seconds: what every database here keeps (on MariaDB, Hibernate's dialect sees the
    // server as 5.5.5 and drops fractions), so a report reads back exactly as it was written.
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if (status == ComplianceStatus.OUT_OF_SYNC) {
      if (this.status != ComplianceStatus.OUT_OF_SYNC || outOfSyncSince == null) {
        outOfSyncSince = now;
      }
    } else if (status == ComplianceStatus.IN_SYNC) {
      outOfSyncSince = null;
    }
    this.status = status;
    this.checkedAt = now;
    if (lastCommit != null || status != ComplianceStatus.UNREACHABLE) {
      // an unreachable device keeps the last commit seen, which is still the best knowledge
      this.commitUser = lastCommit == null ? null : lastCommit.user();
      this.commitTime = lastCommit == null ? null : lastCommit.time();
      this.commitClient = lastCommit == null ? null : lastCommit.client();
      this.commitComment = lastCommit == null ? null : truncate(lastCommit.comment(), 500);
    }
    if (detailsJson != null || status != ComplianceStatus.UNREACHABLE) {
      this.detailsJson = detailsJson;
    }
    this.message = truncate(message, 2000);
    this.operationId = operationId;
    this.processInstanceKey = processInstanceKey;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public ComplianceStatus getStatus() {
    return status;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  /** The last commit on the device when it was checked, or null when never read. */
  public LastCommit getLastCommit() {
    return commitUser == null && commitTime == null
        ? null
        : new LastCommit(commitUser, commitTime, commitClient, commitComment);
  }

  public String getDetailsJson() {
    return detailsJson;
  }

  public String getMessage() {
    return message;
  }

  public String getOperationId() {
    return operationId;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public Instant getOutOfSyncSince() {
    return outOfSyncSince;
  }
}
