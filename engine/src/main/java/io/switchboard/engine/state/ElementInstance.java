package io.switchboard.engine.state;

import io.switchboard.engine.model.ElementType;
import java.util.HashMap;
import java.util.Map;

/** A running element; the process instance itself is the element instance of type PROCESS. */
public final class ElementInstance {
  public enum State {
    ACTIVATING,
    ACTIVE,
    COMPLETING
  }

  public long key;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String tenantId;
  public String elementId;
  public ElementType elementType;

  /** Key of the enclosing scope (subprocess or process instance); -1 for a process instance. */
  public long flowScopeKey = -1;

  public State state = State.ACTIVATING;
  public long jobKey = -1;
  public long startTime;

  /** For scopes: tokens waiting at parallel gateway joins, by sequence flow id. */
  public Map<String, Integer> joinTokens = new HashMap<>();

  /** For process instances started by a call activity: the calling instance and element. */
  public long parentProcessInstanceKey = -1;

  public long parentElementInstanceKey = -1;

  /** For call activities: the process instance they started. */
  public long calledProcessInstanceKey = -1;

  /** For multi-instance inner instances: 1-based position in the input collection. */
  public int loopCounter;

  /** For multi-instance bodies: the input collection as evaluated on activation. */
  public java.util.List<Object> inputItems;

  /** For sequential multi-instance bodies: how many inner instances were started so far. */
  public int startedInnerInstances;

  /** For process instances: completed activities whose compensation handler may run, in order. */
  public java.util.List<String> compensable = new java.util.ArrayList<>();

  /** For compensation handlers: the throw event waiting for them. */
  public long compensationThrowKey = -1;

  /** For compensation throw events: handlers still running. */
  public int pendingCompensations;

  /** For process instances: the correlation key of the message that started it, if any. */
  public String startCorrelationKey;

  /**
   * For process instances whose start execution listeners run first, and for triggered event
   * subprocesses: the start event to activate once the start listeners have completed.
   */
  public String startEventId;

  /** For triggered event subprocesses: the trigger's variables, until the start event has them. */
  public Map<String, Object> triggerVariables;

  /** How many start / end execution listeners of the element have completed. */
  public int startListenersDone;

  public int endListenersDone;

  public boolean isProcessInstance() {
    return key == processInstanceKey;
  }
}
