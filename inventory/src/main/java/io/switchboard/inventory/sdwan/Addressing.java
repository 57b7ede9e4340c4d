package io.switchboard.inventory.sdwan;

/** How a WAN link gets its address. */
public enum Addressing {
  DHCP,
  STATIC
}
