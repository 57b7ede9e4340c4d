package io.switchboard.engine.transform.subprocess;

import static io.switchboard.engine.transform.element.Extensions.describe;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;

/**
 * Embedded subprocesses (entered at their none start event) and event subprocesses (started by
 * their one message, timer, signal, error or escalation start event); their elements are
 * transformed as a scope of their own.
 */
public final class SubProcessTransformer implements ElementTransformer<SubProcess> {

  @Override
  public FlowNode.Builder transform(SubProcess element, String scopeId, TransformContext context) {
    String id = element.getId();
    boolean eventTriggered = element.triggeredByEvent();
    FlowNode.Builder node =
        FlowNode.builder(
            id, eventTriggered ? ElementType.EVENT_SUB_PROCESS : ElementType.SUB_PROCESS, scopeId);
    ActivityProperties.read(element, node, context);
    context.transformScope(element.getFlowElements(), id);
    for (FlowElement child : element.getFlowElements()) {
      if (!(child instanceof StartEvent)) {
        continue;
      }
      FlowNode.Builder start = context.node(child.getId());
      if (!eventTriggered && start.eventKind == EventKind.NONE) {
        node.innerStartEventId = child.getId();
      } else if (eventTriggered) {
        node.eventStartId = child.getId();
      } else {
        context.problem(
            "start event '"
                + child.getId()
                + "' of embedded subprocess '"
                + id
                + "' must be a none start event");
      }
    }
    if (!eventTriggered && node.innerStartEventId == null) {
      context.problem(describe(element) + " must contain a none start event");
    }
    if (eventTriggered
        && (node.eventStartId == null
            || context.node(node.eventStartId).eventKind == EventKind.NONE)) {
      context.problem(
          "event subprocess '"
              + id
              + "' needs exactly one start event with a message, timer, signal, error or escalation definition");
    }
    return node;
  }
}
