package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A published, immutable, numbered version of a policy: its snapshot as JSON. */
@Entity
@Table(name = "fw_policy_version")
public class PolicyVersion extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String policyId;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, updatable = false, length = 120)
  private String publishedBy;

  @Lob
  @Column(name = "snapshot_json", nullable = false, updatable = false)
  private String snapshotJson;

  protected PolicyVersion() {}

  public PolicyVersion(
      String tenantId, String policyId, int number, String publishedBy, String snapshotJson) {
    this.tenantId = tenantId;
    this.policyId = policyId;
    this.number = number;
    this.publishedBy = publishedBy;
    this.snapshotJson = snapshotJson;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getPolicyId() {
    return policyId;
  }

  public int getNumber() {
    return number;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public String getSnapshotJson() {
    return snapshotJson;
  }
}
