package io.switchboard.engine.transform.task;

import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.JobDefinitions;
import io.switchboard.engine.transform.element.TransformContext;

/** Business rule tasks: a job of the task definition's type. */
public final class BusinessRuleTaskTransformer implements ElementTransformer<BusinessRuleTask> {

  @Override
  public FlowNode.Builder transform(
      BusinessRuleTask element, String scopeId, TransformContext context) {
    if (extension(element, ZeebeCalledDecision.class) != null) {
      context.unsupported(
          element, "zeebe:calledDecision: DMN decisions; use a zeebe:taskDefinition");
      return null;
    }
    FlowNode.Builder node =
        FlowNode.builder(element.getId(), ElementType.BUSINESS_RULE_TASK, scopeId);
    JobDefinitions.read(element, node, context);
    ActivityProperties.read(element, node, context);
    return node;
  }
}
