package io.switchboard.camel.junos;

/** A {@code <file-put>}: a text file written on the device at {@code path}, replacing one. */
public record FilePut(String path, String contents) {}
