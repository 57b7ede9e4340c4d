package io.switchboard.camel.junos;

/**
 * One {@code probe-test-results} entry of {@code get-probe-results}: the RPM probe (owner) and
 * test, the interface it measures over, and its current loss (%), average round trip and jitter
 * (ms; Junos reports microseconds).
 */
public record RpmProbeResult(
    String owner,
    String test,
    String destinationInterface,
    double lossPercent,
    double rttMs,
    double jitterMs) {}
