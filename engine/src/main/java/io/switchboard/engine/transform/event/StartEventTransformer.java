package io.switchboard.engine.transform.event;

import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;

/**
 * Start events: of the process (none, message, timer, signal) or of a subprocess or event
 * subprocess (checked by the subprocess transformer).
 */
public final class StartEventTransformer implements ElementTransformer<StartEvent> {

  @Override
  public FlowNode.Builder transform(StartEvent element, String scopeId, TransformContext context) {
    FlowNode.Builder node =
        EventDefinitions.read(element, ElementType.START_EVENT, scopeId, context);
    node.interrupting = element.isInterrupting();
    if (context.isTopLevel(scopeId)) {
      switch (node.eventKind) {
        case NONE, MESSAGE, TIMER, SIGNAL -> context.processStartEvent(node);
        default ->
            context.unsupported(
                element, "process start event with " + node.eventKind + " definition");
      }
    }
    return node;
  }
}
