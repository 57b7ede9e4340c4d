package io.switchboard.inventory.operation;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One long-running operation a user asked for: the process that carries it out, its target, who
 * asked, and how it ended. Its progress reads the same whichever engine runs the process.
 */
@Entity
@Table(name = "operation")
public class Operation extends AuditedEntity {
  @Column(nullable = false, length = 36)
  private String tenantId;

  /** The BPMN process id that carries the operation out, e.g. {@code ztp-onboarding}. */
  @Column(nullable = false, length = 120)
  private String type;

  @Column(nullable = false, length = 20)
  private String targetKind;

  @Column(nullable = false, length = 36)
  private String targetId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OperationState state = OperationState.RUNNING;

  @Column(length = 120)
  private String currentStep;

  private Long processInstanceKey;

  @Column(nullable = false, length = 120)
  private String requestedBy;

  @Lob
  @Column(name = "result_json")
  private String result;

  @Column(length = 2000)
  private String error;

  protected Operation() {}

  public Operation(
      String tenantId, String type, String targetKind, String targetId, String requestedBy) {
    this.tenantId = tenantId;
    this.type = type;
    this.targetKind = targetKind;
    this.targetId = targetId;
    this.requestedBy = requestedBy;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getType() {
    return type;
  }

  public String getTargetKind() {
    return targetKind;
  }

  public String getTargetId() {
    return targetId;
  }

  public OperationState getState() {
    return state;
  }

  public String getCurrentStep() {
    return currentStep;
  }

  public void setCurrentStep(String currentStep) {
    this.currentStep = currentStep;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public void setProcessInstanceKey(Long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public String getResult() {
    return result;
  }

  public String getError() {
    return error;
  }

  public void complete(String resultJson) {
    this.state = OperationState.COMPLETED;
    this.result = resultJson;
  }

  public void fail(String error) {
    this.state = OperationState.FAILED;
    this.error = error;
  }
}
