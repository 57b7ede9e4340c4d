package io.switchboard.inventory.compliance;

/** Which part of the intended configuration wrote a statement, and which operation wrote it. */
public record PartWriter(String part, String operationId, Long processInstanceKey) {

  static PartWriter of(IntendedConfig config) {
    return new PartWriter(
        config.getPart(), config.getOperationId(), config.getProcessInstanceKey());
  }
}
