package io.switchboard.camel.junos;

/** A flow for {@code show security match-policies}. */
public record MatchPolicyQuery(
    String fromZone,
    String toZone,
    String sourceIp,
    String destinationIp,
    int destinationPort,
    String protocol) {}
