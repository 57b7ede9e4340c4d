package io.switchboard.inventory.sdwan;

/** Where an overlay is in its life. */
public enum OverlayState {
  DRAFT,
  DEPLOYING,
  ACTIVE,
  DEGRADED,
  FAILED,
  REMOVED
}
