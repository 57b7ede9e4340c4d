package io.switchboard.inventory.firewall.analysis;

/** An example session: zones, source and destination (an IP or a DNS name), protocol and port. */
public record Flow(
    String fromZone, String toZone, String source, String destination, String protocol, int port) {}
