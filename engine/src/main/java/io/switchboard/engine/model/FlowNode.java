package io.switchboard.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One executable BPMN element with everything the engine needs to run it. Fields that do not apply
 * to the element's type stay null or empty.
 */
public final class FlowNode {
  public final String id;
  public final ElementType type;

  /** Id of the enclosing subprocess, or the process id for top-level elements. */
  public final String flowScopeId;

  public EventKind eventKind = EventKind.NONE;
  public final List<SequenceFlow> incoming = new ArrayList<>();
  public final List<SequenceFlow> outgoing = new ArrayList<>();
  public String defaultFlowId;

  public String jobType;
  public String jobRetries = "3";
  public final Map<String, String> taskHeaders = new LinkedHashMap<>();
  public final List<Mapping> inputs = new ArrayList<>();
  public final List<Mapping> outputs = new ArrayList<>();

  public String messageName;
  public String correlationKey;
  public TimerDefinition timer;

  /** Error code an error event throws or catches; null on a catch event catches every error. */
  public String errorCode;

  public String attachedToId;
  public boolean cancelActivity = true;
  public final List<String> boundaryEventIds = new ArrayList<>();

  /** For subprocesses: the none start event inside. */
  public String innerStartEventId;

  /** For scopes (process, subprocesses): the event subprocesses directly inside. */
  public final List<String> eventSubprocessIds = new ArrayList<>();

  /** For event subprocesses: their start event; for their start events: interrupting or not. */
  public String eventStartId;

  public boolean interrupting = true;

  /** Script task with a FEEL script instead of a job. */
  public String scriptExpression;

  public String resultVariable;

  public String calledProcessId;
  public boolean propagateAllChildVariables = true;
  public boolean propagateAllParentVariables = true;

  /**
   * Call activity {@code bindingType="deployment"}: call the version deployed together with the
   * calling process instead of the latest.
   */
  public boolean calledFromSameDeployment;

  /** Call activity {@code bindingType="versionTag"}: the version tag to call, else null. */
  public String calledVersionTag;

  public MultiInstance loop;

  /** For Camunda user tasks ({@code zeebe:userTask}); null for job-based user tasks. */
  public io.switchboard.engine.model.usertask.UserTaskDefinition userTask;

  public String signalName;
  public String escalationCode;
  public String linkName;

  /** An activity that only runs to compensate another (no incoming flows). */
  public boolean forCompensation;

  /** For activities with a compensation boundary event: the handler activity's id. */
  public String compensationHandlerId;

  /** For compensation throw events: the activity to compensate, or null for all. */
  public String compensateActivityId;

  /** Multi-instance settings; collections and conditions are FEEL expressions. */
  public record MultiInstance(
      boolean sequential,
      String inputCollection,
      String inputElement,
      String outputCollection,
      String outputElement,
      String completionCondition) {}

  public FlowNode(String id, ElementType type, String flowScopeId) {
    this.id = id;
    this.type = type;
    this.flowScopeId = flowScopeId;
  }

  public boolean hasOutputMappings() {
    return !outputs.isEmpty();
  }
}
