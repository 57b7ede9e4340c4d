package io.switchboard.camel.junos;

/** The policy a device says decides a flow, and its action ({@code permit}, {@code deny}, ...). */
public record MatchedPolicy(String policy, String action) {}
