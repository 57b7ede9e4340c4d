package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tenant's service-level target for steered traffic. */
@Entity
@Table(name = "sdwan_sla_profile")
public class SlaProfile extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 60)
  private String name;

  @Column(nullable = false)
  private int maxLossPercent;

  @Column(nullable = false)
  private int maxRttMs;

  @Column(nullable = false)
  private int maxJitterMs;

  @Column(length = 40)
  private String preferredPathLabel;

  protected SlaProfile() {}

  public SlaProfile(String tenantId, String name) {
    this.tenantId = tenantId;
    this.name = name;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getMaxLossPercent() {
    return maxLossPercent;
  }

  public void setMaxLossPercent(int maxLossPercent) {
    this.maxLossPercent = maxLossPercent;
  }

  public int getMaxRttMs() {
    return maxRttMs;
  }

  public void setMaxRttMs(int maxRttMs) {
    this.maxRttMs = maxRttMs;
  }

  public int getMaxJitterMs() {
    return maxJitterMs;
  }

  public void setMaxJitterMs(int maxJitterMs) {
    this.maxJitterMs = maxJitterMs;
  }

  public String getPreferredPathLabel() {
    return preferredPathLabel;
  }

  public void setPreferredPathLabel(String preferredPathLabel) {
    this.preferredPathLabel = preferredPathLabel;
  }
}
