package io.switchboard.engine.transform.activity;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.Mappings;
import io.switchboard.engine.transform.element.TransformContext;

/**
 * What every activity may carry: mappings, multi-instance, compensation role (execution listeners
 * are read for every flow node by the process transformer).
 */
public final class ActivityProperties {
  private ActivityProperties() {}

  public static void read(Activity activity, FlowNode.Builder node, TransformContext context) {
    Mappings.read(activity, node);
    node.forCompensation = activity.isForCompensation();
    if (activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi) {
      node.loop = MultiInstanceTransformer.read(activity, mi, context);
    } else if (activity.getLoopCharacteristics() != null) {
      context.unsupported(activity, "standard loop characteristics");
    }
  }
}
