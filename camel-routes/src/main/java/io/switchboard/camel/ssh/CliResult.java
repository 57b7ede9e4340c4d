package io.switchboard.camel.ssh;

/** What a CLI command printed and how it exited. */
public record CliResult(String stdout, String stderr, int exitStatus) {}
