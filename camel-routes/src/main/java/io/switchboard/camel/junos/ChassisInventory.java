package io.switchboard.camel.junos;

/** The chassis entry of {@code <get-chassis-inventory/>}: what the device says it is. */
public record ChassisInventory(String serialNumber, String description) {}
