package io.switchboard.inventory.device;

public enum DeviceLifecycle {
  /** Registered, waiting for the device to phone home. */
  PLANNED,
  ONBOARDING,
  ACTIVE,
  UPGRADING,
  FAILED,
  DECOMMISSIONED
}
