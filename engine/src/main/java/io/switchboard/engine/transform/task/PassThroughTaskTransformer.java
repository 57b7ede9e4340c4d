package io.switchboard.engine.transform.task;

import io.camunda.zeebe.model.bpmn.instance.Task;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;

/** Manual and undefined tasks: nothing for the engine to do, they pass through as in Zeebe. */
public final class PassThroughTaskTransformer implements ElementTransformer<Task> {
  private final ElementType type;

  public PassThroughTaskTransformer(ElementType type) {
    this.type = type;
  }

  @Override
  public FlowNode.Builder transform(Task element, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), type, scopeId);
    ActivityProperties.read(element, node, context);
    return node;
  }
}
