package io.switchboard.engine.transform.event;

import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.JobDefinitions;
import io.switchboard.engine.transform.element.TransformContext;

/** Intermediate throw events: none, message (a job), signal, escalation, link, compensation. */
public final class IntermediateThrowEventTransformer
    implements ElementTransformer<IntermediateThrowEvent> {

  @Override
  public FlowNode.Builder transform(
      IntermediateThrowEvent element, String scopeId, TransformContext context) {
    FlowNode.Builder node =
        EventDefinitions.read(element, ElementType.INTERMEDIATE_THROW_EVENT, scopeId, context);
    if (node.eventKind == EventKind.MESSAGE) {
      JobDefinitions.read(element, node, context); // carried out by a job worker
    } else if (node.eventKind == EventKind.ERROR
        || node.eventKind == EventKind.TIMER
        || node.eventKind == EventKind.TERMINATE) {
      context.unsupported(
          element, "intermediate throw event with " + node.eventKind + " definition");
    }
    return node;
  }
}
