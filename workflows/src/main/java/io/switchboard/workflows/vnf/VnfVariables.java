package io.switchboard.workflows.vnf;

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
    String bootTimeout,
    String lcmOutcome,
    String failureReason) {
  public boolean rollbackWanted() {
    return Boolean.TRUE.equals(rollbackRequested);
  }
}
