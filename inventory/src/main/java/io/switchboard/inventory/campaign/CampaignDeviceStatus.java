package io.switchboard.inventory.campaign;

/** One device's part in a campaign. */
public enum CampaignDeviceStatus {
  /** Not reached (yet): the device keeps its version. */
  NOT_STARTED,
  RUNNING,
  UPGRADED,
  /** Its upgrade failed (and rolled back where it got that far); the message says why. */
  FAILED,
  /** Left out on purpose, e.g. already on the target version. */
  SKIPPED
}
