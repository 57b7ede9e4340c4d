package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.sdwan.sla.SlaMeasurement;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

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

  @Column(name = "sla_loss_percent")
  private Double slaLossPercent;

  @Column(name = "sla_rtt_ms")
  private Double slaRttMs;

  @Column(name = "sla_jitter_ms")
  private Double slaJitterMs;

  @Column(name = "sla_measured_at")
  private Instant slaMeasuredAt;

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

  /** What the tunnel's probes measured last, or null when it was never measured. */
  public SlaMeasurement getSla() {
    return slaMeasuredAt == null ? null : new SlaMeasurement(slaLossPercent, slaRttMs, slaJitterMs);
  }

  public Instant getSlaMeasuredAt() {
    return slaMeasuredAt;
  }

  public void recordSla(SlaMeasurement measurement, Instant at) {
    this.slaLossPercent = measurement.lossPercent();
    this.slaRttMs = measurement.rttMs();
    this.slaJitterMs = measurement.jitterMs();
    this.slaMeasuredAt = at;
  }
}
