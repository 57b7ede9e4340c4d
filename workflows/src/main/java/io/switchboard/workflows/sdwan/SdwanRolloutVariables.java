package io.switchboard.workflows.sdwan;

/** The variables the SD-WAN job workers read, typed. */
public record SdwanRolloutVariables(
    String operationId,
    String overlayId,
    String siteId,
    Integer batchSize,
    Integer failureThresholdPercent,
    String failureReason) {}
