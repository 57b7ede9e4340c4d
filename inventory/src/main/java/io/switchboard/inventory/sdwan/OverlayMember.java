package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A site in an overlay, hub or spoke, with what the last rollout did to it. */
@Entity
@Table(name = "sdwan_overlay_member")
public class OverlayMember extends AuditedEntity {
  /** The site left the overlay; the row stays so that joining again reuses it. */
  public static final String LEFT = "LEFT";

  /**
   * A join that failed and was undone: the site is not in the overlay (planning ignores it, like
   * LEFT); the reason says why, and joining again retries.
   */
  public static final String JOIN_FAILED = "JOIN_FAILED";

  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String overlayId;

  @Column(nullable = false, updatable = false, length = 36)
  private String siteId;

  @Column(nullable = false)
  private boolean hub;

  @Column(nullable = false, length = 20)
  private String state = "PLANNED";

  @Column(length = 2000)
  private String reason;

  /** Delete commands computed when the plan last changed, sent before the site's configuration. */
  @jakarta.persistence.Lob
  @Column(name = "pending_removal")
  private String pendingRemoval;

  /** The site's own LAN prefixes when the overlay was last planned, one a line (null: unknown). */
  @jakarta.persistence.Lob
  @Column(name = "planned_prefixes")
  private String plannedPrefixes;

  /**
   * The site's WAN ports when the overlay was last planned ({@code PlannedPorts}; null: unknown).
   */
  @jakarta.persistence.Lob
  @Column(name = "planned_wan")
  private String plannedWan;

  /** Whether the device may still carry stanzas named before per-overlay naming (sdwan-ike...). */
  @Column(name = "legacy_names", nullable = false)
  private boolean legacyNames;

  protected OverlayMember() {}

  public OverlayMember(String tenantId, String overlayId, String siteId, boolean hub) {
    this.tenantId = tenantId;
    this.overlayId = overlayId;
    this.siteId = siteId;
    this.hub = hub;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getOverlayId() {
    return overlayId;
  }

  public String getSiteId() {
    return siteId;
  }

  public boolean isHub() {
    return hub;
  }

  public void setHub(boolean hub) {
    this.hub = hub;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  /** Whether the site is in the overlay (planned, configured, active or failed in a rollout). */
  public boolean inOverlay() {
    return !LEFT.equals(state) && !JOIN_FAILED.equals(state);
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getPendingRemoval() {
    return pendingRemoval;
  }

  public void setPendingRemoval(String pendingRemoval) {
    this.pendingRemoval = pendingRemoval;
  }

  public String getPlannedPrefixes() {
    return plannedPrefixes;
  }

  public void setPlannedPrefixes(String plannedPrefixes) {
    this.plannedPrefixes = plannedPrefixes;
  }

  public String getPlannedWan() {
    return plannedWan;
  }

  public void setPlannedWan(String plannedWan) {
    this.plannedWan = plannedWan;
  }

  public boolean hasLegacyNames() {
    return legacyNames;
  }

  public void setLegacyNames(boolean legacyNames) {
    this.legacyNames = legacyNames;
  }
}
