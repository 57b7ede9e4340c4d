package io.switchboard.inventory.sdwan;

/** Where a tunnel is: planned, pushed to both ends, verified up, down, or removed. */
public enum TunnelState {
  PLANNED,
  CONFIGURED,
  UP,
  DOWN,
  REMOVED
}
