package io.switchboard.engine.transform.task;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.describe;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.switchboard.engine.model.CalledDecision;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.JobDefinitions;
import io.switchboard.engine.transform.element.TransformContext;

/**
 * Business rule tasks: a DMN decision the engine evaluates ({@code zeebe:calledDecision}), or else
 * a job of the task definition's type.
 */
public final class BusinessRuleTaskTransformer implements ElementTransformer<BusinessRuleTask> {

  @Override
  public FlowNode.Builder transform(
      BusinessRuleTask element, String scopeId, TransformContext context) {
    FlowNode.Builder node =
        FlowNode.builder(element.getId(), ElementType.BUSINESS_RULE_TASK, scopeId);
    ZeebeCalledDecision called = extension(element, ZeebeCalledDecision.class);
    if (called != null) {
      node.calledDecision = calledDecision(element, called, context);
      JobDefinitions.headers(element, node);
    } else {
      JobDefinitions.read(element, node, context);
    }
    ActivityProperties.read(element, node, context);
    return node;
  }

  private static CalledDecision calledDecision(
      BusinessRuleTask element, ZeebeCalledDecision called, TransformContext context) {
    if (blank(called.getDecisionId()) || blank(called.getResultVariable())) {
      context.problem(
          describe(element)
              + " needs a zeebe:calledDecision with a decisionId and a resultVariable");
    }
    ZeebeBindingType type = called.getBindingType();
    CalledDecision.Binding binding =
        type == ZeebeBindingType.deployment
            ? CalledDecision.Binding.DEPLOYMENT
            : type == ZeebeBindingType.versionTag
                ? CalledDecision.Binding.VERSION_TAG
                : CalledDecision.Binding.LATEST;
    String versionTag =
        binding == CalledDecision.Binding.VERSION_TAG ? called.getVersionTag() : null;
    if (binding == CalledDecision.Binding.VERSION_TAG && blank(versionTag)) {
      context.problem(describe(element) + " binds its decision by version tag but names none");
    }
    return new CalledDecision(
        called.getDecisionId(), called.getResultVariable(), binding, versionTag);
  }
}
