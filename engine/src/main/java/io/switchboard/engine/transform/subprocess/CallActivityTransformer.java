package io.switchboard.engine.transform.subprocess;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.describe;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;

/** Call activities: the called process id, its binding and the variable propagation. */
public final class CallActivityTransformer implements ElementTransformer<CallActivity> {

  @Override
  public FlowNode.Builder transform(
      CallActivity element, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), ElementType.CALL_ACTIVITY, scopeId);
    ZeebeCalledElement called = extension(element, ZeebeCalledElement.class);
    if (called == null || blank(called.getProcessId())) {
      context.problem(describe(element) + " needs a zeebe:calledElement with a processId");
    } else {
      node.calledProcessId = called.getProcessId();
      node.propagateAllChildVariables = called.isPropagateAllChildVariablesEnabled();
      node.propagateAllParentVariables = called.isPropagateAllParentVariablesEnabled();
      node.calledFromSameDeployment = called.getBindingType() == ZeebeBindingType.deployment;
      if (called.getBindingType() == ZeebeBindingType.versionTag) {
        node.calledVersionTag = called.getVersionTag();
      }
    }
    ActivityProperties.read(element, node, context);
    return node;
  }
}
