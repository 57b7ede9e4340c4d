package io.switchboard.devices.sdwan;

/** The last result of one RPM probe test: loss in percent, average RTT and jitter in ms. */
public record ProbeResult(
    String owner,
    String test,
    String targetAddress,
    String destinationInterface,
    double lossPercent,
    double rttMs,
    double jitterMs) {}
