package io.switchboard.engine.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A unit of work for a job worker, created by a job-worker task. */
public final class Job {
  public enum State {
    ACTIVATABLE,
    ACTIVATED,
    /** Waiting for a retry back-off, or out of retries (then an incident is open). */
    FAILED,
    /** Threw a BPMN error nobody caught; an incident is open. */
    ERROR_THROWN
  }

  public long key;
  public String type;
  public State state = State.ACTIVATABLE;
  public String worker;
  public int retries;
  public long deadline = -1;
  public long recurAt = -1;
  public String errorMessage;
  public String errorCode;
  public Map<String, String> customHeaders = new LinkedHashMap<>();
  public String elementId;
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String tenantId;

  /** {@code START} or {@code END} for an execution listener's job; null for an element's own. */
  public String listenerEventType;
}
