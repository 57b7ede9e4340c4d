package io.switchboard.inventory.firewall;

/** Where one device's deployment of a version stands. */
public enum DeploymentState {
  PENDING,
  DEPLOYED,
  FAILED,
  ROLLED_BACK,
  RESTORED,
  /** Not started: the maintenance window closed before the device's batch. */
  SKIPPED
}
