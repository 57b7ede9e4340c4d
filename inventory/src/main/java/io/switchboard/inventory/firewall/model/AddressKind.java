package io.switchboard.inventory.firewall.model;

/** How an address object names its addresses. */
public enum AddressKind {
  /** An IPv4 or IPv6 prefix, e.g. {@code 10.1.0.0/16}. */
  PREFIX,
  /** A first and last address, e.g. {@code 10.1.0.10} to {@code 10.1.0.20}. */
  RANGE,
  /** A DNS name the device resolves, e.g. {@code updates.example.com}. */
  DNS
}
