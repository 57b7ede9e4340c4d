package io.switchboard.workflows.compliance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The variables of the compliance processes that their jobs read; component names are the variable
 * names. {@code targetKind}/{@code targetId} are absent on a timer run.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceVariables(
    String operationId,
    String targetKind,
    String targetId,
    String deviceId,
    String unreachableReason,
    String mode,
    Integer confirmTimeout) {}
