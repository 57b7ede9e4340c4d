package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One IPsec tunnel of an overlay between two sites over one common path label; its number picks its
 * /31, its st0 unit (the same on both ends) is unique on both devices across overlays.
 */
@Entity
@Table(name = "sdwan_tunnel")
public class Tunnel extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String overlayId;

  @Column(name = "tunnel_number", nullable = false)
  private int number;

  @Column(name = "st0_unit", nullable = false)
  private int st0Unit;

  @Column(nullable = false, length = 40)
  private String pathLabel;

  @Column(name = "a_site_id", nullable = false, length = 36)
  private String aSiteId;

  @Column(name = "a_interface", nullable = false, length = 40)
  private String aInterface;

  @Column(name = "a_underlay", nullable = false, length = 39)
  private String aUnderlay;

  @Column(name = "a_address", nullable = false, length = 39)
  private String aAddress;

  @Column(name = "b_site_id", nullable = false, length = 36)
  private String bSiteId;

  @Column(name = "b_interface", nullable = false, length = 40)
  private String bInterface;

  @Column(name = "b_underlay", nullable = false, length = 39)
  private String bUnderlay;

  @Column(name = "b_address", nullable = false, length = 39)
  private String bAddress;

  @Convert(converter = SecretTextConverter.class)
  @Column(name = "psk_enc", nullable = false, length = 500)
  private String preSharedKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TunnelState state = TunnelState.PLANNED;

  protected Tunnel() {}

  public Tunnel(String tenantId, String overlayId, int number, String preSharedKey) {
    this.tenantId = tenantId;
    this.overlayId = overlayId;
    this.number = number;
    this.st0Unit = number;
    this.preSharedKey = preSharedKey;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getOverlayId() {
    return overlayId;
  }

  public int getNumber() {
    return number;
  }

  public void setNumber(int number) {
    this.number = number;
    this.st0Unit = number;
  }

  public int getSt0Unit() {
    return st0Unit;
  }

  public void setSt0Unit(int st0Unit) {
    this.st0Unit = st0Unit;
  }

  public String getPathLabel() {
    return pathLabel;
  }

  public void setPathLabel(String pathLabel) {
    this.pathLabel = pathLabel;
  }

  public String getASiteId() {
    return aSiteId;
  }

  public void setASiteId(String aSiteId) {
    this.aSiteId = aSiteId;
  }

  public String getAInterface() {
    return aInterface;
  }

  public void setAInterface(String aInterface) {
    this.aInterface = aInterface;
  }

  public String getAUnderlay() {
    return aUnderlay;
  }

  public void setAUnderlay(String aUnderlay) {
    this.aUnderlay = aUnderlay;
  }

  public String getAAddress() {
    return aAddress;
  }

  public void setAAddress(String aAddress) {
    this.aAddress = aAddress;
  }

  public String getBSiteId() {
    return bSiteId;
  }

  public void setBSiteId(String bSiteId) {
    this.bSiteId = bSiteId;
  }

  public String getBInterface() {
    return bInterface;
  }

  public void setBInterface(String bInterface) {
    this.bInterface = bInterface;
  }

  public String getBUnderlay() {
    return bUnderlay;
  }

  public void setBUnderlay(String bUnderlay) {
    this.bUnderlay = bUnderlay;
  }

  public String getBAddress() {
    return bAddress;
  }

  public void setBAddress(String bAddress) {
    this.bAddress = bAddress;
  }

  /** The plain secret, for the worker that renders it into a device; never returned by the API. */
  public String getPreSharedKey() {
    return preSharedKey;
  }

  public void setPreSharedKey(String preSharedKey) {
    this.preSharedKey = preSharedKey;
  }

  public TunnelState getState() {
    return state;
  }

  public void setState(TunnelState state) {
    this.state = state;
  }
}
