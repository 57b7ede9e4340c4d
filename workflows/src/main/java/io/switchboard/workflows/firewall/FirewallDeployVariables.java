package io.switchboard.workflows.firewall;

/** The variables the firewall deployment workers read, typed. */
public record FirewallDeployVariables(
    String operationId,
    String policyId,
    Integer version,
    String deploymentId,
    Integer batchSize,
    Integer failureThresholdPercent,
    String confirmBy,
    String failureReason,
    String windowEnd,
    java.util.List<String> batch) {}
