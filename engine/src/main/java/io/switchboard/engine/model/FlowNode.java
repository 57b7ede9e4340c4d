package io.switchboard.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One executable BPMN element with everything the engine needs to run it; immutable (its
 * collections too) once the transformer has built it from a {@link Builder}. Fields that do not
 * apply to the element's type stay null or empty.
 */
public final class FlowNode {
  public final String id;
  public final ElementType type;

  /** Id of the enclosing subprocess, or the process id for top-level elements. */
  public final String flowScopeId;

  public final EventKind eventKind;
  public final List<SequenceFlow> incoming;
  public final List<SequenceFlow> outgoing;
  public final String defaultFlowId;
  public final String jobType;
  public final String jobRetries;
  public final Map<String, String> taskHeaders;
  public final List<Mapping> inputs;
  public final List<Mapping> outputs;
  public final String messageName;
  public final String correlationKey;
  public final TimerDefinition timer;

  /** Error code an error event throws or catches; null on a catch event catches every error. */
  public final String errorCode;

  public final String attachedToId;
  public final boolean cancelActivity;
  public final List<String> boundaryEventIds;

  /** For subprocesses: the none start event inside. */
  public final String innerStartEventId;

  /** For scopes (process, subprocesses): the event subprocesses directly inside. */
  public final List<String> eventSubprocessIds;

  /** For event subprocesses: their start event; for their start events: interrupting or not. */
  public final String eventStartId;

  public final boolean interrupting;

  /** Script task with a FEEL script instead of a job. */
  public final String scriptExpression;

  public final String resultVariable;
  public final String calledProcessId;
  public final boolean propagateAllChildVariables;
  public final boolean propagateAllParentVariables;

  /**
   * Call activity {@code bindingType="deployment"}: call the version deployed together with the
   * calling process instead of the latest.
   */
  public final boolean calledFromSameDeployment;

  /** Call activity {@code bindingType="versionTag"}: the version tag to call, else null. */
  public final String calledVersionTag;

  public final MultiInstance loop;

  /** For Camunda user tasks ({@code zeebe:userTask}); null for job-based user tasks. */
  public final io.switchboard.engine.model.usertask.UserTaskDefinition userTask;

  public final String signalName;
  public final String escalationCode;
  public final String linkName;

  /** An activity that only runs to compensate another (no incoming flows). */
  public final boolean forCompensation;

  /** For activities with a compensation boundary event: the handler activity's id. */
  public final String compensationHandlerId;

  /** For compensation throw events: the activity to compensate, or null for all. */
  public final String compensateActivityId;

  /** For business rule tasks with a {@code zeebe:calledDecision} (DMN); null for job-based ones. */
  public final CalledDecision calledDecision;

  /** Execution listeners in model order, start and end ones together; empty for most elements. */
  public final List<ExecutionListener> executionListeners;

  /** Multi-instance settings; collections and conditions are FEEL expressions. */
  public record MultiInstance(
      boolean sequential,
      String inputCollection,
      String inputElement,
      String outputCollection,
      String outputElement,
      String completionCondition) {}

  private FlowNode(Builder b) {
    this.id = b.id;
    this.type = b.type;
    this.flowScopeId = b.flowScopeId;
    this.eventKind = b.eventKind;
    this.incoming = Collections.unmodifiableList(new ArrayList<>(b.incoming));
    this.outgoing = Collections.unmodifiableList(new ArrayList<>(b.outgoing));
    this.defaultFlowId = b.defaultFlowId;
    this.jobType = b.jobType;
    this.jobRetries = b.jobRetries;
    this.taskHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.taskHeaders));
    this.inputs = Collections.unmodifiableList(new ArrayList<>(b.inputs));
    this.outputs = Collections.unmodifiableList(new ArrayList<>(b.outputs));
    this.messageName = b.messageName;
    this.correlationKey = b.correlationKey;
    this.timer = b.timer;
    this.errorCode = b.errorCode;
    this.attachedToId = b.attachedToId;
    this.cancelActivity = b.cancelActivity;
    this.boundaryEventIds = Collections.unmodifiableList(new ArrayList<>(b.boundaryEventIds));
    this.innerStartEventId = b.innerStartEventId;
    this.eventSubprocessIds = Collections.unmodifiableList(new ArrayList<>(b.eventSubprocessIds));
    this.eventStartId = b.eventStartId;
    this.interrupting = b.interrupting;
    this.scriptExpression = b.scriptExpression;
    this.resultVariable = b.resultVariable;
    this.calledProcessId = b.calledProcessId;
    this.propagateAllChildVariables = b.propagateAllChildVariables;
    this.propagateAllParentVariables = b.propagateAllParentVariables;
    this.calledFromSameDeployment = b.calledFromSameDeployment;
    this.calledVersionTag = b.calledVersionTag;
    this.loop = b.loop;
    this.userTask = b.userTask;
    this.signalName = b.signalName;
    this.escalationCode = b.escalationCode;
    this.linkName = b.linkName;
    this.forCompensation = b.forCompensation;
    this.compensationHandlerId = b.compensationHandlerId;
    this.compensateActivityId = b.compensateActivityId;
    this.calledDecision = b.calledDecision;
    this.executionListeners = Collections.unmodifiableList(new ArrayList<>(b.executionListeners));
  }

  public static Builder builder(String id, ElementType type, String flowScopeId) {
    return new Builder(id, type, flowScopeId);
  }

  /** The element's execution listeners of one event type, in model order. */
  public List<ExecutionListener> listeners(ExecutionListener.EventType eventType) {
    if (executionListeners.isEmpty()) {
      return List.of();
    }
    return executionListeners.stream().filter(l -> l.eventType() == eventType).toList();
  }

  public boolean hasOutputMappings() {
    return !outputs.isEmpty();
  }

  /**
   * The mutable form the element transformers fill in, one element family each, before the process
   * is linked (flows, boundary events, event subprocesses) and {@link #build() built}.
   */
  public static final class Builder {
    public final String id;
    public final ElementType type;
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
    public String errorCode;
    public String attachedToId;
    public boolean cancelActivity = true;
    public final List<String> boundaryEventIds = new ArrayList<>();
    public String innerStartEventId;
    public final List<String> eventSubprocessIds = new ArrayList<>();
    public String eventStartId;
    public boolean interrupting = true;
    public String scriptExpression;
    public String resultVariable;
    public String calledProcessId;
    public boolean propagateAllChildVariables = true;
    public boolean propagateAllParentVariables = true;
    public boolean calledFromSameDeployment = false;
    public String calledVersionTag;
    public MultiInstance loop;
    public io.switchboard.engine.model.usertask.UserTaskDefinition userTask;
    public String signalName;
    public String escalationCode;
    public String linkName;
    public boolean forCompensation = false;
    public String compensationHandlerId;
    public String compensateActivityId;
    public CalledDecision calledDecision;
    public final List<ExecutionListener> executionListeners = new ArrayList<>();

    private Builder(String id, ElementType type, String flowScopeId) {
      this.id = id;
      this.type = type;
      this.flowScopeId = flowScopeId;
    }

    public FlowNode build() {
      return new FlowNode(this);
    }
  }
}
