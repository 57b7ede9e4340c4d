package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}) with its values as evaluated on creation and as
 * changed by commands since. Ended tasks keep their row with their end state, so that searches and
 * gets find them like Camunda's do.
 */
public final class UserTask {
  /** Camunda's user task states this engine reaches (it has no task listeners in between). */
  public enum State {
    CREATED,
    COMPLETED,
    CANCELED
  }

  public long key;
  public State state = State.CREATED;
  public String name;
  public String processName;
  public String assignee;
  public List<String> candidateGroups = new ArrayList<>();
  public List<String> candidateUsers = new ArrayList<>();
  public String dueDate;
  public String followUpDate;
  public int priority = 50;
  public String externalFormReference;

  /** The key of the linked form ({@code formId}) as resolved on creation; -1 for none. */
  public long formKey = -1;

  public Map<String, String> customHeaders = new LinkedHashMap<>();
  public long creationDate;
  public long completionDate = -1;
  public String elementId;
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String tenantId;

  /** The element instance and its enclosing scopes, innermost first (for variable searches). */
  public List<Long> scopeKeys = new ArrayList<>();
}
