package io.switchboard.engine.transform.event;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;

/** Boundary events; the process transformer attaches them to their host afterwards. */
public final class BoundaryEventTransformer implements ElementTransformer<BoundaryEvent> {

  @Override
  public FlowNode.Builder transform(
      BoundaryEvent element, String scopeId, TransformContext context) {
    String id = element.getId();
    FlowNode.Builder node =
        EventDefinitions.read(element, ElementType.BOUNDARY_EVENT, scopeId, context);
    node.attachedToId = element.getAttachedTo() != null ? element.getAttachedTo().getId() : null;
    node.cancelActivity = element.cancelActivity();
    if (node.eventKind == EventKind.NONE
        || node.eventKind == EventKind.TERMINATE
        || node.eventKind == EventKind.LINK) {
      context.unsupported(element, "boundary event with " + node.eventKind + " definition");
    }
    if (node.eventKind == EventKind.COMPENSATION) {
      node.compensationHandlerId = context.compensationHandler(id);
      if (node.compensationHandlerId == null) {
        context.problem(
            "compensation boundary event '"
                + id
                + "' must be associated with a compensation handler");
      }
    }
    if (node.eventKind == EventKind.ERROR && !node.cancelActivity) {
      context.problem("error boundary event '" + id + "' must be interrupting");
    }
    return node;
  }
}
