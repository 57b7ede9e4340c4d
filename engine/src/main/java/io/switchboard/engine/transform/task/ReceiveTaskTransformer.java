package io.switchboard.engine.transform.task;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.describe;

import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.MessageSubscriptions;
import io.switchboard.engine.transform.element.TransformContext;

/** Receive tasks: wait for a message correlated by the subscription's key. */
public final class ReceiveTaskTransformer implements ElementTransformer<ReceiveTask> {

  @Override
  public FlowNode.Builder transform(ReceiveTask element, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), ElementType.RECEIVE_TASK, scopeId);
    if (element.getMessage() == null || blank(element.getMessage().getName())) {
      context.problem(describe(element) + " must reference a message with a name");
    } else {
      node.messageName = element.getMessage().getName();
      node.correlationKey =
          MessageSubscriptions.correlationKey(element.getMessage(), element, context);
    }
    ActivityProperties.read(element, node, context);
    return node;
  }
}
