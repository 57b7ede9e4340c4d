package io.switchboard.engine.state;

/** A problem that stopped an element until an operator resolves it. */
public final class Incident {
  public enum State {
    ACTIVE,
    RESOLVED
  }

  /** What to do again when the incident is resolved. */
  public enum RetryAction {
    /** Job incidents: the job becomes activatable when it has retries again. */
    JOB,
    ACTIVATE_ELEMENT,
    COMPLETE_ELEMENT
  }

  public long key;

  /** One of the Camunda incident error types, e.g. JOB_NO_RETRIES or CONDITION_ERROR. */
  public String errorType;

  public String errorMessage;
  public String elementId;
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public String tenantId;
  public long jobKey = -1;
  public State state = State.ACTIVE;
  public long creationTime;
  public RetryAction retryAction;
}
