package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A tenant's SD-WAN overlay: topology, tunnel address pool, IKE/IPsec profile and state. */
@Entity
@Table(name = "sdwan_overlay")
public class Overlay extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 120)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Topology topology;

  @Column(nullable = false, length = 43)
  private String tunnelPool;

  @Column(nullable = false, length = 20)
  private String ikeVersion = "v2-only";

  @Column(nullable = false, length = 40)
  private String encryption = "aes-256-gcm";

  @Column(nullable = false, length = 20)
  private String dhGroup = "group19";

  @Column(nullable = false)
  private boolean dpd = true;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OverlayState state = OverlayState.DRAFT;

  @Column(length = 2000)
  private String failureReason;

  protected Overlay() {}

  public Overlay(String tenantId, String name, Topology topology, String tunnelPool) {
    this.tenantId = tenantId;
    this.name = name;
    this.topology = topology;
    this.tunnelPool = tunnelPool;
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

  public Topology getTopology() {
    return topology;
  }

  public void setTopology(Topology topology) {
    this.topology = topology;
  }

  public String getTunnelPool() {
    return tunnelPool;
  }

  public void setTunnelPool(String tunnelPool) {
    this.tunnelPool = tunnelPool;
  }

  public String getIkeVersion() {
    return ikeVersion;
  }

  public void setIkeVersion(String ikeVersion) {
    this.ikeVersion = ikeVersion;
  }

  public String getEncryption() {
    return encryption;
  }

  public void setEncryption(String encryption) {
    this.encryption = encryption;
  }

  public String getDhGroup() {
    return dhGroup;
  }

  public void setDhGroup(String dhGroup) {
    this.dhGroup = dhGroup;
  }

  public boolean isDpd() {
    return dpd;
  }

  public void setDpd(boolean dpd) {
    this.dpd = dpd;
  }

  public OverlayState getState() {
    return state;
  }

  public void setState(OverlayState state) {
    this.state = state;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public void setFailureReason(String failureReason) {
    this.failureReason = failureReason;
  }
}
