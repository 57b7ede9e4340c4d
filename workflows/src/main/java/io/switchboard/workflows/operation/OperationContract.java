package io.switchboard.workflows.operation;

/**
 * What every process that carries out an operation shares with Switchboard: the variables it starts
 * with, and how it reports its outcome. A Camunda process instance only ever ends {@code COMPLETED}
 * or {@code TERMINATED}; whether the operation succeeded is the process's to say, in {@link
 * #VAR_OUTCOME}.
 */
public final class OperationContract {
  /** Set by Switchboard when it starts the process; a caller cannot override them. */
  public static final String VAR_OPERATION_ID = "operationId";

  public static final String VAR_TENANT_ID = "tenantId";
  public static final String VAR_TARGET_KIND = "targetKind";
  public static final String VAR_TARGET_ID = "targetId";
  public static final String VAR_REQUESTED_BY = "requestedBy";

  /**
   * {@value #OUTCOME_FAILED} when the process ended on a failure path; absent or {@value
   * #OUTCOME_COMPLETED} otherwise.
   */
  public static final String VAR_OUTCOME = "operationOutcome";

  public static final String OUTCOME_COMPLETED = "COMPLETED";
  public static final String OUTCOME_FAILED = "FAILED";

  /** One sentence a person can read: what failed, with the device's own message. */
  public static final String VAR_FAILURE_REASON = "failureReason";

  /** What the operation produced (an object), copied to the operation's result. */
  public static final String VAR_RESULT = "operationResult";

  private OperationContract() {}
}
