package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.firewall.model.ApplicationDef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tenant's own application: a protocol and a destination port or range. */
@Entity
@Table(name = "fw_application")
public class CustomApplication extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(nullable = false, length = 10)
  private String protocol;

  @Column(length = 11)
  private String destinationPort;

  protected CustomApplication() {}

  public CustomApplication(String tenantId, String name, String protocol, String destinationPort) {
    this.tenantId = tenantId;
    this.name = name;
    this.protocol = protocol;
    this.destinationPort = destinationPort;
  }

  public ApplicationDef definition() {
    return new ApplicationDef(name, protocol, destinationPort);
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public String getProtocol() {
    return protocol;
  }

  public String getDestinationPort() {
    return destinationPort;
  }
}
