package io.switchboard.devices.fleet;

/** Lifecycle of a simulated device. */
public enum DeviceState {
  /** Built but not started, or stopped with its fleet. */
  STOPPED,
  /** Booted; listening for NETCONF unless the unreachable fault holds. */
  RUNNING,
  /** Rebooting: no listener, sessions dropped, back after the reboot delay. */
  REBOOTING
}
