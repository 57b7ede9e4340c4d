package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.firewall.model.AddressDef;
import io.switchboard.inventory.firewall.model.AddressKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A tenant's named address: a prefix, a range or a DNS name. */
@Entity
@Table(name = "fw_address")
public class AddressObject extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 63)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private AddressKind kind;

  @Column(name = "address_value", nullable = false, length = 253)
  private String value;

  @Column(length = 39)
  private String valueTo;

  protected AddressObject() {}

  public AddressObject(
      String tenantId, String name, AddressKind kind, String value, String valueTo) {
    this.tenantId = tenantId;
    this.name = name;
    this.kind = kind;
    this.value = value;
    this.valueTo = valueTo;
  }

  public AddressDef definition() {
    return new AddressDef(name, kind, value, valueTo);
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public AddressKind getKind() {
    return kind;
  }

  public String getValue() {
    return value;
  }

  public String getValueTo() {
    return valueTo;
  }
}
