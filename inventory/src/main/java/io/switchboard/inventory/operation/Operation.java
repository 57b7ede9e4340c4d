package io.switchboard.inventory.operation;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One long-running operation a user asked for: the process that carries it out, its target, who
 * asked, and how it ended. Its progress reads the same whichever engine runs the process.
 */
@Entity
@Table(name = "operation")
public class Operation extends AuditedEntity {
  /** Kinds of target an operation may have. */
  public static final String TARGET_TENANT = "TENANT";

  public static final String TARGET_SITE = "SITE";
  public static final String TARGET_DEVICE = "DEVICE";

  /** An SD-WAN overlay (rollout, site join and leave). */
  public static final String TARGET_OVERLAY = "OVERLAY";

  /** An upgrade campaign (issue 16); its devices are in {@code campaign_device}. */
  public static final String TARGET_CAMPAIGN = "CAMPAIGN";

  /** A firewall policy (deployments, issue 14); its devices are in {@code fw_deployment}. */
  public static final String TARGET_FIREWALL_POLICY = "FIREWALL_POLICY";

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
  private OperationState state = OperationState.PENDING;

  /**
   * {@code targetKind:targetId} while the operation is active, null once it is final. A unique
   * index on it is what keeps two operations off one target, also under concurrent requests.
   */
  @Column(length = 60)
  private String activeTarget;

  /** The caller's process variables, kept until the dispatcher has started the process. */
  @Lob
  @Column(name = "start_variables")
  private String startVariables;

  /** An open incident of the operation's process: an operator should look. */
  @Column(nullable = false)
  private boolean attention;

  @Column(length = 2000)
  private String attentionMessage;

  @Column(length = 120)
  private String attentionElement;

  private Instant finishedAt;

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
    this.activeTarget = targetKind + ":" + targetId;
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

  public String getRequestedBy() {
    return requestedBy;
  }

  public String getResult() {
    return result;
  }

  public String getError() {
    return error;
  }

  public String getStartVariables() {
    return startVariables;
  }

  public void setStartVariables(String startVariables) {
    this.startVariables = startVariables;
  }

  public boolean isAttention() {
    return attention;
  }

  public String getAttentionMessage() {
    return attentionMessage;
  }

  public String getAttentionElement() {
    return attentionElement;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  /** The process runs: the dispatcher started it (or found it started) with this key. */
  public void started(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
    this.state = OperationState.RUNNING;
    this.startVariables = null;
  }

  /** An incident is open on {@code elementId}; {@code message} is the incident's own. */
  public void needsAttention(String elementId, String message) {
    this.attention = true;
    this.attentionElement = elementId;
    this.attentionMessage = message;
  }

  public void attentionResolved() {
    this.attention = false;
    this.attentionElement = null;
    this.attentionMessage = null;
  }

  public void complete(String resultJson) {
    this.result = resultJson;
    this.error = null;
    end(OperationState.COMPLETED);
  }

  public void fail(String error) {
    this.error = error;
    end(OperationState.FAILED);
  }

  public void cancel(String reason) {
    this.error = reason;
    end(OperationState.CANCELLED);
  }

  private void end(OperationState finalState) {
    this.state = finalState;
    this.activeTarget = null;
    this.finishedAt = Instant.now();
    attentionResolved();
  }
}
