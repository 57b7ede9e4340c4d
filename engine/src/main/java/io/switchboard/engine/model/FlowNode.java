package io.switchboard.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One executable BPMN element with everything the engine needs to run it. Fields that do not
 * apply to the element's type stay null or empty.
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

  public FlowNode(String id, ElementType type, String flowScopeId) {
    this.id = id;
    this.type = type;
    this.flowScopeId = flowScopeId;
  }

  public boolean hasOutputMappings() {
    return !outputs.isEmpty();
  }
}
