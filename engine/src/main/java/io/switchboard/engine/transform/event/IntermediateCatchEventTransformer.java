package io.switchboard.engine.transform.event;

import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;
import java.util.EnumSet;
import java.util.Set;

/** Intermediate catch events: message, timer, signal, link. */
public final class IntermediateCatchEventTransformer
    implements ElementTransformer<IntermediateCatchEvent> {
  private static final Set<EventKind> CAUGHT =
      EnumSet.of(EventKind.MESSAGE, EventKind.TIMER, EventKind.SIGNAL, EventKind.LINK);

  @Override
  public FlowNode.Builder transform(
      IntermediateCatchEvent element, String scopeId, TransformContext context) {
    FlowNode.Builder node =
        EventDefinitions.read(element, ElementType.INTERMEDIATE_CATCH_EVENT, scopeId, context);
    if (!CAUGHT.contains(node.eventKind)) {
      context.unsupported(
          element, "intermediate catch event with " + node.eventKind + " definition");
    }
    return node;
  }
}
