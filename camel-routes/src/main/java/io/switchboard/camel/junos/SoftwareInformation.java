package io.switchboard.camel.junos;

/** What {@code <get-software-information/>} reports. */
public record SoftwareInformation(String hostName, String productModel, String junosVersion) {}
