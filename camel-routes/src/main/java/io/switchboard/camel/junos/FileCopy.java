package io.switchboard.camel.junos;

/** A {@code <file-copy>}: {@code source} (URL or path) to {@code destination} on the device. */
public record FileCopy(String source, String destination) {}
