package io.switchboard.camel.junos;

/**
 * A {@code <file-put>}: a file written on the device at {@code path}, replacing one; its bytes
 * travel base64-encoded, so a binary file (an ISO 9660 config drive) arrives as sent.
 */
public record FilePut(String path, byte[] contents) {}
