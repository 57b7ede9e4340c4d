package io.switchboard.engine.transform;

import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.transform.element.TransformContext;
import java.util.Map;

/**
 * What is known only once every element of a process is transformed: sequence flows on their ends,
 * boundary events on their hosts, event subprocesses on their scopes, compensation handlers on the
 * activities they undo, link throw events checked against their catch events.
 */
final class ProcessLinks {
  private ProcessLinks() {}

  static void link(
      Map<String, FlowNode.Builder> nodes,
      Map<String, SequenceFlow> flows,
      TransformContext context) {
    linkFlows(nodes, flows, context);
    for (FlowNode.Builder node : nodes.values()) {
      if (node.type == ElementType.BOUNDARY_EVENT && node.attachedToId != null) {
        FlowNode.Builder host = nodes.get(node.attachedToId);
        if (host != null) {
          host.boundaryEventIds.add(node.id);
        }
      }
    }
    for (FlowNode.Builder node : nodes.values()) {
      if (node.type == ElementType.EVENT_SUB_PROCESS) {
        FlowNode.Builder scope = nodes.get(node.flowScopeId);
        if (scope != null) {
          scope.eventSubprocessIds.add(node.id);
        }
      }
      if (node.type == ElementType.BOUNDARY_EVENT
          && node.eventKind == EventKind.COMPENSATION
          && node.attachedToId != null
          && nodes.containsKey(node.attachedToId)) {
        nodes.get(node.attachedToId).compensationHandlerId = node.compensationHandlerId;
      }
      if (node.type == ElementType.INTERMEDIATE_THROW_EVENT && node.eventKind == EventKind.LINK) {
        checkLinkTarget(nodes, node, context);
      }
    }
  }

  private static void linkFlows(
      Map<String, FlowNode.Builder> nodes,
      Map<String, SequenceFlow> flows,
      TransformContext context) {
    for (SequenceFlow flow : flows.values()) {
      FlowNode.Builder source = nodes.get(flow.sourceId());
      FlowNode.Builder target = nodes.get(flow.targetId());
      if (source == null || target == null) {
        continue; // the unsupported element was already reported
      }
      source.outgoing.add(flow);
      target.incoming.add(flow);
    }
    for (FlowNode.Builder node : nodes.values()) {
      if (node.type == ElementType.EXCLUSIVE_GATEWAY && node.outgoing.size() > 1) {
        for (SequenceFlow flow : node.outgoing) {
          if (flow.condition() == null && !flow.id().equals(node.defaultFlowId)) {
            context.problem(
                "sequence flow '"
                    + flow.id()
                    + "' leaving exclusive gateway '"
                    + node.id
                    + "' needs a condition or must be the default flow");
          }
        }
      }
    }
  }

  private static void checkLinkTarget(
      Map<String, FlowNode.Builder> nodes, FlowNode.Builder node, TransformContext context) {
    boolean found =
        nodes.values().stream()
            .anyMatch(
                n ->
                    n.type == ElementType.INTERMEDIATE_CATCH_EVENT
                        && n.eventKind == EventKind.LINK
                        && node.linkName.equals(n.linkName)
                        && node.flowScopeId.equals(n.flowScopeId));
    if (!found) {
      context.problem(
          "link throw event '"
              + node.id
              + "' has no link catch event named '"
              + node.linkName
              + "' in its scope");
    }
  }
}
