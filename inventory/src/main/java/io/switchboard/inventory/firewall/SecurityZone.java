package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.firewall.model.ZoneDef;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A security zone of a site ({@code trust}, {@code untrust}, {@code sdwan} or custom) and its
 * interfaces.
 */
@Entity
@Table(name = "fw_zone")
public class SecurityZone extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String siteId;

  @Column(nullable = false, length = 63)
  private String name;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 2000)
  private List<String> interfaces;

  protected SecurityZone() {}

  public SecurityZone(String tenantId, String siteId, String name, List<String> interfaces) {
    this.tenantId = tenantId;
    this.siteId = siteId;
    this.name = name;
    this.interfaces = List.copyOf(interfaces);
  }

  public ZoneDef definition() {
    return new ZoneDef(name, interfaces);
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getSiteId() {
    return siteId;
  }

  public String getName() {
    return name;
  }

  public List<String> getInterfaces() {
    return interfaces;
  }
}
