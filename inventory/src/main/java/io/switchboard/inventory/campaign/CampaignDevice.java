package io.switchboard.inventory.campaign;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One device of a campaign: its wave and how its upgrade went. */
@Entity
@Table(name = "campaign_device")
public class CampaignDevice extends AuditedEntity {
  @Column(nullable = false, length = 36)
  private String campaignId;

  @Column(nullable = false, length = 36)
  private String deviceId;

  /** 1-based; wave 1 is the canary. */
  @Column(nullable = false)
  private int waveNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CampaignDeviceStatus status = CampaignDeviceStatus.NOT_STARTED;

  @Column(length = 2000)
  private String message;

  private Instant startedAt;
  private Instant finishedAt;

  protected CampaignDevice() {}

  public CampaignDevice(String campaignId, String deviceId, int waveNumber) {
    this.campaignId = campaignId;
    this.deviceId = deviceId;
    this.waveNumber = waveNumber;
  }

  public String getCampaignId() {
    return campaignId;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public int getWaveNumber() {
    return waveNumber;
  }

  public CampaignDeviceStatus getStatus() {
    return status;
  }

  public String getMessage() {
    return message;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public void started() {
    this.status = CampaignDeviceStatus.RUNNING;
    this.startedAt = Instant.now();
  }

  public void finished(CampaignDeviceStatus status, String message) {
    this.status = status;
    this.message = message;
    this.finishedAt = Instant.now();
  }
}
