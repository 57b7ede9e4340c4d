package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A site's WAN link: the interface, how it is addressed, and the path label tunnels pair on. */
@Entity
@Table(name = "sdwan_wan_link")
public class WanLink extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String siteId;

  @Column(nullable = false, length = 40)
  private String interfaceName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AccessType accessType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Addressing addressing;

  @Column(length = 43)
  private String address;

  @Column(length = 39)
  private String gateway;

  @Column(length = 39)
  private String publicAddress;

  @Column(nullable = false, length = 40)
  private String pathLabel;

  @Column(precision = 12, scale = 2)
  private BigDecimal monthlyCost;

  @Column(nullable = false)
  private int priority;

  protected WanLink() {}

  public WanLink(String tenantId, String siteId, String interfaceName) {
    this.tenantId = tenantId;
    this.siteId = siteId;
    this.interfaceName = interfaceName;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getSiteId() {
    return siteId;
  }

  public String getInterfaceName() {
    return interfaceName;
  }

  public void setInterfaceName(String interfaceName) {
    this.interfaceName = interfaceName;
  }

  public AccessType getAccessType() {
    return accessType;
  }

  public void setAccessType(AccessType accessType) {
    this.accessType = accessType;
  }

  public Addressing getAddressing() {
    return addressing;
  }

  public void setAddressing(Addressing addressing) {
    this.addressing = addressing;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getGateway() {
    return gateway;
  }

  public void setGateway(String gateway) {
    this.gateway = gateway;
  }

  public String getPublicAddress() {
    return publicAddress;
  }

  public void setPublicAddress(String publicAddress) {
    this.publicAddress = publicAddress;
  }

  public String getPathLabel() {
    return pathLabel;
  }

  public void setPathLabel(String pathLabel) {
    this.pathLabel = pathLabel;
  }

  public BigDecimal getMonthlyCost() {
    return monthlyCost;
  }

  public void setMonthlyCost(BigDecimal monthlyCost) {
    this.monthlyCost = monthlyCost;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }
}
