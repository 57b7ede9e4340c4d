package io.switchboard.inventory.campaign;

/** Where a campaign stands; the last four are final. */
public enum CampaignState {
  PENDING,
  RUNNING,
  PAUSED,
  COMPLETED,
  STOPPED,
  CANCELLED,
  FAILED;

  public boolean isFinal() {
    return this == COMPLETED || this == STOPPED || this == CANCELLED || this == FAILED;
  }
}
