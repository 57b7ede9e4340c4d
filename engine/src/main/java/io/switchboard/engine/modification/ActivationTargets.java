package io.switchboard.engine.modification;

import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.ExecutionListener;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.processor.EngineException;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which elements a start instruction (on create) or an activate instruction (on modify) may target,
 * with Zeebe's refusals: the element must exist, must not be a start event, boundary event or
 * sequence flow, must not lie inside a multi-instance subprocess, and must not be an event after an
 * event-based gateway.
 */
public final class ActivationTargets {
  private static final Set<ElementType> UNSUPPORTED =
      EnumSet.of(ElementType.START_EVENT, ElementType.BOUNDARY_EVENT, ElementType.PROCESS);

  private final String prefix;
  private final boolean createsScopes;

  private ActivationTargets(String prefix, boolean createsScopes) {
    this.prefix = prefix;
    this.createsScopes = createsScopes;
  }

  /** For {@code startInstructions} of a process instance creation. */
  public static ActivationTargets forCreation() {
    return new ActivationTargets(
        "Expected to create instance of process with start instructions", true);
  }

  /** For {@code activateInstructions} of a modification of an instance of {@code processId}. */
  public static ActivationTargets forModification(String processId) {
    return new ActivationTargets(
        "Expected to modify instance of process '" + processId + "' with activate instructions",
        false);
  }

  /** The element an instruction targets; a 400 naming the element when it may not be. */
  public FlowNode target(ProcessModel model, String elementId) {
    FlowNode node = find(model, elementId);
    if (node == null) {
      if (elementId != null && model.flow(elementId) != null) {
        throw unsupported(elementId, "SEQUENCE_FLOW");
      }
      throw EngineException.invalidArgument(
          prefix + " but no element found with id '" + elementId + "'.");
    }
    if (insideMultiInstance(model, node)) {
      throw EngineException.invalidArgument(
          prefix
              + " but the element with id '"
              + elementId
              + "' is inside a multi-instance subprocess. The activation of elements inside a"
              + " multi-instance subprocess is not supported.");
    }
    if (UNSUPPORTED.contains(node.type)) {
      throw unsupported(elementId, node.type.name());
    }
    if (createsScopes) {
      refuseScopesWithStartListeners(model, node);
    }
    for (SequenceFlow incoming : node.incoming) {
      FlowNode source = model.node(incoming.sourceId());
      if (source != null && source.type == ElementType.EVENT_BASED_GATEWAY) {
        throw EngineException.invalidArgument(
            prefix
                + " but the element with id '"
                + elementId
                + "' belongs to an event-based gateway. The activation of elements belonging to"
                + " an event-based gateway is not supported.");
      }
    }
    return node;
  }

  private EngineException unsupported(String elementId, String type) {
    Set<String> supported = new TreeSet<>();
    for (ElementType t : ElementType.values()) {
      if (!UNSUPPORTED.contains(t) && t != ElementType.MULTI_INSTANCE_BODY) {
        supported.add(t.name());
      }
    }
    return EngineException.invalidArgument(
        prefix
            + " but the element with id '"
            + elementId
            + "' targets unsupported element type '"
            + type
            + "'. Supported element types are: "
            + supported);
  }

  /** The element, or null when the process has none of that id. */
  static FlowNode find(ProcessModel model, String elementId) {
    if (elementId == null) {
      return null;
    }
    return model.nodes().stream().filter(n -> n.id.equals(elementId)).findFirst().orElse(null);
  }

  /**
   * A created flow scope (the process instance included) would not run its start listeners: refused
   * rather than skipped.
   */
  private void refuseScopesWithStartListeners(ProcessModel model, FlowNode node) {
    for (FlowNode scope = model.node(node.flowScopeId);
        scope != null;
        scope = scope.type == ElementType.PROCESS ? null : model.node(scope.flowScopeId)) {
      if (!scope.listeners(ExecutionListener.EventType.START).isEmpty()) {
        throw EngineException.invalidArgument(
            prefix
                + " but the element with id '"
                + node.id
                + "' is inside '"
                + scope.id
                + "', which has start execution listeners; this engine does not run them for flow"
                + " scopes created by an instruction.");
      }
    }
  }

  private static boolean insideMultiInstance(ProcessModel model, FlowNode node) {
    for (FlowNode scope = model.node(node.flowScopeId);
        scope != null && scope.type != ElementType.PROCESS;
        scope = model.node(scope.flowScopeId)) {
      if (scope.loop != null) {
        return true;
      }
    }
    return false;
  }
}
