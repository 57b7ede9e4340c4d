package io.switchboard.engine.transform.event;

import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.JobDefinitions;
import io.switchboard.engine.transform.element.TransformContext;

/** End events: none, error, escalation, terminate, signal, compensation, message (a job). */
public final class EndEventTransformer implements ElementTransformer<EndEvent> {

  @Override
  public FlowNode.Builder transform(EndEvent element, String scopeId, TransformContext context) {
    FlowNode.Builder node = EventDefinitions.read(element, ElementType.END_EVENT, scopeId, context);
    if (node.eventKind == EventKind.MESSAGE) {
      JobDefinitions.read(element, node, context); // carried out by a job worker
    } else if (node.eventKind == EventKind.TIMER || node.eventKind == EventKind.LINK) {
      context.unsupported(element, "end event with " + node.eventKind + " definition");
    }
    if (node.eventKind == EventKind.ERROR && node.errorCode == null) {
      context.problem(
          "error end event '" + element.getId() + "' must reference an error with an error code");
    }
    return node;
  }
}
