package io.switchboard.inventory.firewall.model;

/**
 * An address object as frozen in a version: {@code value} is the prefix, the first address of a
 * range or the DNS name; {@code valueTo} the last address of a range.
 */
public record AddressDef(String name, AddressKind kind, String value, String valueTo) {}
