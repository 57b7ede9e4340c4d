package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A site's LAN segment: its prefix is what the other sites route to over the overlay. */
@Entity
@Table(name = "sdwan_lan_segment")
public class LanSegment extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String siteId;

  @Column(nullable = false, length = 60)
  private String name;

  @Column() private Integer vlanId;

  @Column(nullable = false, length = 43)
  private String prefix;

  @Column(nullable = false)
  private boolean dhcp;

  protected LanSegment() {}

  public LanSegment(String tenantId, String siteId, String name, String prefix) {
    this.tenantId = tenantId;
    this.siteId = siteId;
    this.name = name;
    this.prefix = prefix;
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

  public void setName(String name) {
    this.name = name;
  }

  public Integer getVlanId() {
    return vlanId;
  }

  public void setVlanId(Integer vlanId) {
    this.vlanId = vlanId;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public boolean isDhcp() {
    return dhcp;
  }

  public void setDhcp(boolean dhcp) {
    this.dhcp = dhcp;
  }
}
