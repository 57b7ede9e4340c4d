package io.switchboard.camel.junos;

/** The text of {@code <request-reboot-status>}. */
public record RebootStatus(String status) {}
