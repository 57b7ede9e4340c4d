package io.switchboard.inventory.tenancy;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A customer. Belongs to an operating company, or directly to the provider when opcoId is null. Its
 * name is unique within its operating company (or among the provider's own tenants), not globally
 * (database key uk_tenant_opco_name, V4).
 */
@Entity
@Table(name = "tenant")
public class Tenant extends AuditedEntity {
  @Column(length = 36)
  private String opcoId;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(length = 500)
  private String description;

  protected Tenant() {}

  public Tenant(String opcoId, String name, String description) {
    this.opcoId = opcoId;
    this.name = name;
    this.description = description;
  }

  public String getOpcoId() {
    return opcoId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
