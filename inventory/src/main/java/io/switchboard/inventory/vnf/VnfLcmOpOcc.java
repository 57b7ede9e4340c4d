package io.switchboard.inventory.vnf;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One lifecycle operation occurrence of a VNF instance, shaped like SOL003 {@code VnfLcmOpOcc}: the
 * operation, its state and when it entered it, and the error as problem details. Its process runs
 * as the operation {@link #getOperationId()}.
 */
@Entity
@Table(name = "vnf_lcm_op_occ")
public class VnfLcmOpOcc extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String vnfInstanceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private LcmOperation operation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private LcmOperationState operationState = LcmOperationState.STARTING;

  @Column(nullable = false, updatable = false)
  private Instant startTime;

  @Column(nullable = false)
  private Instant stateEnteredTime;

  @Column(length = 36)
  private String operationId;

  @Column(length = 200)
  private String errorTitle;

  @Column(length = 2000)
  private String errorDetail;

  private Integer errorStatus;

  protected VnfLcmOpOcc() {}

  public VnfLcmOpOcc(String tenantId, String vnfInstanceId, LcmOperation operation) {
    this.tenantId = tenantId;
    this.vnfInstanceId = vnfInstanceId;
    this.operation = operation;
    this.startTime = Instant.now();
    this.stateEnteredTime = startTime;
  }

  /** Enters {@code state} (and its time) unless already in it. */
  public void enter(LcmOperationState state) {
    if (operationState != state) {
      operationState = state;
      stateEnteredTime = Instant.now();
    }
  }

  /** Records the error as problem details; {@code detail} carries the device's own message. */
  public void error(String title, String detail, int status) {
    this.errorTitle = truncate(title, 200);
    this.errorDetail = truncate(detail, 2000);
    this.errorStatus = status;
  }

  public void clearError() {
    errorTitle = null;
    errorDetail = null;
    errorStatus = null;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public void setOperationId(String operationId) {
    this.operationId = operationId;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getVnfInstanceId() {
    return vnfInstanceId;
  }

  public LcmOperation getOperation() {
    return operation;
  }

  public LcmOperationState getOperationState() {
    return operationState;
  }

  public Instant getStartTime() {
    return startTime;
  }

  public Instant getStateEnteredTime() {
    return stateEnteredTime;
  }

  public String getOperationId() {
    return operationId;
  }

  public String getErrorTitle() {
    return errorTitle;
  }

  public String getErrorDetail() {
    return errorDetail;
  }

  public Integer getErrorStatus() {
    return errorStatus;
  }
}
