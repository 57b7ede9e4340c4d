package io.switchboard.inventory.firewall.model;

/**
 * A custom application as frozen in a version: protocol ({@code tcp}, {@code udp}, {@code icmp})
 * and destination port or range ({@code 8443}, {@code 8000-8080}; null for icmp).
 */
public record ApplicationDef(String name, String protocol, String destinationPort) {}
