package io.switchboard.workflows.vnf;

import java.util.List;

/**
 * The variables the VNF lifecycle workers read (names in {@link VnfProcesses} and the operation
 * contract).
 *
 * @param targetId the uCPE device (the operation's target)
 */
public record VnfVariables(
    String operationId,
    String targetId,
    String vnfInstanceId,
    String vnfLcmOpOccId,
    Boolean rollbackRequested,
    Boolean failRequested,
    String bootTimeout,
    String lcmOutcome,
    String failureReason,
    List<String> healCommittedLines) {
  public boolean rollbackWanted() {
    return Boolean.TRUE.equals(rollbackRequested);
  }

  /** Whether an operator failed the occurrence (a heal): its outcome is FAILED whatever path. */
  public boolean failWanted() {
    return Boolean.TRUE.equals(failRequested);
  }

  /** Whether this heal committed configuration, so that a failure now undoes that commit. */
  public boolean healCommitted() {
    return healCommittedLines != null && !healCommittedLines.isEmpty();
  }
}
