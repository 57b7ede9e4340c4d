package io.switchboard.engine.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** An executable process, transformed from BPMN and ready to run. Immutable once built. */
public final class ProcessModel {
  private final String processId;
  private final Map<String, FlowNode> nodes;
  private final Map<String, SequenceFlow> flows;
  private final String noneStartEventId;
  private final List<FlowNode> messageStartEvents;
  private final List<FlowNode> timerStartEvents;
  private final List<FlowNode> signalStartEvents;
  private final String versionTag;

  public ProcessModel(
      String processId,
      Map<String, FlowNode> nodes,
      Map<String, SequenceFlow> flows,
      String noneStartEventId,
      List<FlowNode> messageStartEvents,
      List<FlowNode> timerStartEvents,
      List<FlowNode> signalStartEvents) {
    this(
        processId,
        nodes,
        flows,
        noneStartEventId,
        messageStartEvents,
        timerStartEvents,
        signalStartEvents,
        null);
  }

  /**
   * @param versionTag the process's {@code zeebe:versionTag}, or null
   */
  public ProcessModel(
      String processId,
      Map<String, FlowNode> nodes,
      Map<String, SequenceFlow> flows,
      String noneStartEventId,
      List<FlowNode> messageStartEvents,
      List<FlowNode> timerStartEvents,
      List<FlowNode> signalStartEvents,
      String versionTag) {
    this.processId = processId;
    this.versionTag = versionTag;
    this.nodes = Map.copyOf(nodes);
    this.flows = Map.copyOf(flows);
    this.noneStartEventId = noneStartEventId;
    this.messageStartEvents = List.copyOf(messageStartEvents);
    this.timerStartEvents = List.copyOf(timerStartEvents);
    this.signalStartEvents = List.copyOf(signalStartEvents);
  }

  /** The process's {@code zeebe:versionTag}, or null (for call activity version binding). */
  public String versionTag() {
    return versionTag;
  }

  public List<FlowNode> signalStartEvents() {
    return signalStartEvents;
  }

  /** The link catch event named {@code name} in the scope {@code scopeId}. */
  public FlowNode linkTarget(String scopeId, String name) {
    return nodes.values().stream()
        .filter(
            n -> n.type == ElementType.INTERMEDIATE_CATCH_EVENT && n.eventKind == EventKind.LINK)
        .filter(n -> name.equals(n.linkName) && scopeId.equals(n.flowScopeId))
        .findFirst()
        .orElseThrow();
  }

  public String processId() {
    return processId;
  }

  public FlowNode node(String id) {
    FlowNode node = nodes.get(id);
    if (node == null) {
      throw new IllegalArgumentException("No element '" + id + "' in process '" + processId + "'");
    }
    return node;
  }

  public Collection<FlowNode> nodes() {
    return nodes.values();
  }

  public SequenceFlow flow(String id) {
    return flows.get(id);
  }

  public String noneStartEventId() {
    return noneStartEventId;
  }

  public List<FlowNode> messageStartEvents() {
    return messageStartEvents;
  }

  public List<FlowNode> timerStartEvents() {
    return timerStartEvents;
  }
}
