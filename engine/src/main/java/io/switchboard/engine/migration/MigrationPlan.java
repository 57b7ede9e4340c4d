package io.switchboard.engine.migration;

import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.Timer;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a migration before anything changes, with Zeebe's refusals (every active element mapped,
 * to an element of the same type in the same flow scope) and this engine's own limits, each refused
 * naming the element: it migrates tasks (service, send, script, business rule with a job, user),
 * receive tasks, intermediate timer and message catch events with their timers and subscriptions,
 * embedded subprocesses, and boundary events mapped along with their element.
 */
final class MigrationPlan {
  private static final Set<ElementType> SUPPORTED =
      EnumSet.of(
          ElementType.SERVICE_TASK,
          ElementType.SEND_TASK,
          ElementType.SCRIPT_TASK,
          ElementType.BUSINESS_RULE_TASK,
          ElementType.USER_TASK,
          ElementType.RECEIVE_TASK,
          ElementType.INTERMEDIATE_CATCH_EVENT,
          ElementType.SUB_PROCESS);

  private final EngineState state;
  private final ProcessModel source;
  private final ProcessModel target;
  private final Map<String, String> mappings;
  private final String prefix;

  MigrationPlan(
      EngineState state,
      ElementInstance pi,
      ProcessModel source,
      ProcessModel target,
      Map<String, String> mappings) {
    this.state = state;
    this.source = source;
    this.target = target;
    this.mappings = mappings;
    this.prefix = "Expected to migrate process instance '" + pi.key + "' but ";
  }

  /** The target element of a source element, or null when unmapped. */
  FlowNode targetOf(String sourceElementId) {
    String id = mappings.get(sourceElementId);
    return id == null ? null : find(target, id);
  }

  void checkMappings() {
    for (Map.Entry<String, String> m : mappings.entrySet()) {
      if (find(source, m.getKey()) == null) {
        throw EngineException.invalidArgument(
            prefix
                + "mapping instructions contain a non-existing source element id '"
                + m.getKey()
                + "'. Elements provided in mapping instructions must exist in the source"
                + " process definition.");
      }
      if (find(target, m.getValue()) == null) {
        throw EngineException.invalidArgument(
            prefix
                + "mapping instructions contain a non-existing target element id '"
                + m.getValue()
                + "'. Elements provided in mapping instructions must exist in the target"
                + " process definition.");
      }
    }
  }

  /** Checks the process instance and every element instance in it. */
  void checkScope(ElementInstance scope, FlowNode sourceScope, FlowNode targetScope) {
    if (!scope.joinTokens.isEmpty()) {
      throw refuse(
          "the scope '"
              + scope.elementId
              + "' has tokens waiting at a joining gateway;"
              + " migrating them is not supported by this engine.");
    }
    if (!sourceScope.eventSubprocessIds.isEmpty() || !targetScope.eventSubprocessIds.isEmpty()) {
      throw refuse(
          "the scope '"
              + scope.elementId
              + "' has event subprocesses in the source or the target"
              + " process; migrating them is not supported by this engine.");
    }
    for (ElementInstance child : state.children(scope.key)) {
      FlowNode node = source.node(child.elementId);
      FlowNode mapped = checkElement(child, node, targetScope);
      if (child.elementType == ElementType.SUB_PROCESS) {
        checkScope(child, node, mapped);
      }
    }
  }

  private FlowNode checkElement(ElementInstance instance, FlowNode node, FlowNode targetScope) {
    if (!SUPPORTED.contains(instance.elementType) || node.loop != null) {
      throw refuse(
          "active element with id '"
              + instance.elementId
              + "' has the unsupported type "
              + (node.loop != null ? "multi-instance " : "")
              + instance.elementType
              + "; this engine migrates service, send, script, business rule, user and receive"
              + " tasks, intermediate timer and message catch events and embedded subprocesses.");
    }
    FlowNode mapped = targetOf(node.id);
    if (mapped == null) {
      throw refuse(
          "no mapping instruction defined for active element with id '"
              + node.id
              + "'. Elements cannot be migrated without a mapping.");
    }
    if (mapped.type != node.type
        || mapped.eventKind != node.eventKind
        || (mapped.userTask == null) != (node.userTask == null)
        || mapped.loop != null) {
      throw refuse(
          "active element with id '"
              + node.id
              + "' and type '"
              + describe(node)
              + "' is mapped to an element with id '"
              + mapped.id
              + "' and different type '"
              + describe(mapped)
              + "'. Elements must be mapped to elements of the same type.");
    }
    if (!targetScope.id.equals(mapped.flowScopeId)) {
      throw refuse(
          "the flow scope of active element with id '"
              + node.id
              + "' is changed. The flow scope of the active element is expected to be '"
              + targetScope.id
              + "' but was '"
              + mapped.flowScopeId
              + "'. The flow scope of an element cannot be changed during migration yet.");
    }
    if (node.messageName != null && !node.messageName.equals(mapped.messageName)) {
      throw refuse(
          "active element with id '"
              + node.id
              + "' waits for message '"
              + node.messageName
              + "' and its target '"
              + mapped.id
              + "' for message '"
              + mapped.messageName
              + "'. The message name cannot be changed during migration.");
    }
    checkBoundaryEvents(instance, node, mapped);
    return mapped;
  }

  /** Boundary events migrate only along with a mapping; new ones on the target are refused. */
  private void checkBoundaryEvents(ElementInstance instance, FlowNode node, FlowNode mapped) {
    Set<String> covered = new HashSet<>();
    for (String boundaryId : node.boundaryEventIds) {
      FlowNode to = targetOf(boundaryId);
      if (to == null) {
        continue; // its timer or subscription is closed
      }
      FlowNode boundary = source.node(boundaryId);
      if (to.type != ElementType.BOUNDARY_EVENT
          || !mapped.id.equals(to.attachedToId)
          || to.eventKind != boundary.eventKind
          || (boundary.messageName != null && !boundary.messageName.equals(to.messageName))) {
        throw refuse(
            "the boundary event '"
                + boundaryId
                + "' is mapped to '"
                + to.id
                + "', which is not a boundary event of the same kind on '"
                + mapped.id
                + "'.");
      }
      covered.add(to.id);
    }
    for (String boundaryId : mapped.boundaryEventIds) {
      FlowNode boundary = target.node(boundaryId);
      boolean needsTrigger =
          boundary.eventKind == EventKind.TIMER
              || boundary.eventKind == EventKind.MESSAGE
              || boundary.eventKind == EventKind.SIGNAL;
      if (needsTrigger && !covered.contains(boundaryId)) {
        throw refuse(
            "the target element '"
                + mapped.id
                + "' of active element '"
                + node.id
                + "' has the boundary event '"
                + boundaryId
                + "' that no source boundary event is mapped to; adding boundary events by"
                + " migration is not supported by this engine.");
      }
    }
  }

  /** The timers and subscriptions an element instance owns must be ones the plan can move. */
  void checkTriggers(ElementInstance instance) {
    List<Timer> timers = state.timersOf(instance.key).stream().map(state.timers::get).toList();
    List<MessageSubscription> subscriptions =
        state.subscriptionsOf(instance.key).stream().map(state.subscriptions::get).toList();
    for (Timer t : timers) {
      checkTrigger(instance, t.targetElementId);
    }
    for (MessageSubscription s : subscriptions) {
      checkTrigger(instance, s.catchElementId);
    }
  }

  private void checkTrigger(ElementInstance instance, String catchElementId) {
    FlowNode catching = source.node(catchElementId);
    if (catching.type == ElementType.START_EVENT) {
      throw refuse(
          "the scope '"
              + instance.elementId
              + "' waits for the event subprocess start '"
              + catchElementId
              + "'; migrating event subprocesses is not supported by this engine.");
    }
  }

  private static String describe(FlowNode node) {
    String kind = node.eventKind == null ? "" : " (" + node.eventKind + ")";
    return node.type + kind;
  }

  static FlowNode find(ProcessModel model, String elementId) {
    return model.nodes().stream().filter(n -> n.id.equals(elementId)).findFirst().orElse(null);
  }

  private EngineException refuse(String detail) {
    return EngineException.invalidState(prefix + detail);
  }
}
