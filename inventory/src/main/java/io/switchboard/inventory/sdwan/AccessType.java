package io.switchboard.inventory.sdwan;

/** How a WAN link reaches the outside. */
public enum AccessType {
  INTERNET,
  MPLS,
  LTE
}
