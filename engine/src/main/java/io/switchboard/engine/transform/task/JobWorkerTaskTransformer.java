package io.switchboard.engine.transform.task;

import io.camunda.zeebe.model.bpmn.instance.Task;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.JobDefinitions;
import io.switchboard.engine.transform.element.TransformContext;

/** Service and send tasks: a job of the task definition's type, done by a job worker. */
public final class JobWorkerTaskTransformer implements ElementTransformer<Task> {
  private final ElementType type;

  public JobWorkerTaskTransformer(ElementType type) {
    this.type = type;
  }

  @Override
  public FlowNode.Builder transform(Task element, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), type, scopeId);
    JobDefinitions.read(element, node, context);
    ActivityProperties.read(element, node, context);
    return node;
  }
}
