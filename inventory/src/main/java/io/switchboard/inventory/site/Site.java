package io.switchboard.inventory.site;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A customer location: branch, hub or data centre. */
@Entity
@Table(name = "site")
public class Site extends AuditedEntity {
  @Column(nullable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 120)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SiteType type;

  @Column(length = 300)
  private String address;

  /** The software version devices at this site should run; null keeps what they have. */
  @Column(length = 60)
  private String targetSoftwareVersion;

  @Column(nullable = false, length = 20)
  private String lifecycleState = "PLANNED";

  protected Site() {}

  public Site(String tenantId, String name, SiteType type) {
    this.tenantId = tenantId;
    this.name = name;
    this.type = type;
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

  public SiteType getType() {
    return type;
  }

  public void setType(SiteType type) {
    this.type = type;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getTargetSoftwareVersion() {
    return targetSoftwareVersion;
  }

  public void setTargetSoftwareVersion(String targetSoftwareVersion) {
    this.targetSoftwareVersion = targetSoftwareVersion;
  }

  public String getLifecycleState() {
    return lifecycleState;
  }

  public void setLifecycleState(String lifecycleState) {
    this.lifecycleState = lifecycleState;
  }
}
