package io.switchboard.inventory.vnf;

/** Whether a catalogue package may be instantiated. */
public enum VnfPackageState {
  ONBOARDED,
  DISABLED
}
