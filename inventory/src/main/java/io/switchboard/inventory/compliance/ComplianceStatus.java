package io.switchboard.inventory.compliance;

/** A device's latest compliance verdict. */
public enum ComplianceStatus {
  IN_SYNC,
  OUT_OF_SYNC,
  /** The check could not read the device; the message says why (the device's own words). */
  UNREACHABLE
}
