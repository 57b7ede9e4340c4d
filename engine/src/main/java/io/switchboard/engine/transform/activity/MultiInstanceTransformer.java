package io.switchboard.engine.transform.activity;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.blankToNull;
import static io.switchboard.engine.transform.element.Extensions.describe;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.TransformContext;

/** Multi-instance loop characteristics of any activity (its {@code zeebe:loopCharacteristics}). */
final class MultiInstanceTransformer {
  private MultiInstanceTransformer() {}

  /** The activity's multi-instance settings, or null (problem recorded) when incomplete. */
  static FlowNode.MultiInstance read(
      Activity activity, MultiInstanceLoopCharacteristics mi, TransformContext context) {
    ZeebeLoopCharacteristics loop = extension(mi, ZeebeLoopCharacteristics.class);
    if (loop == null || blank(loop.getInputCollection())) {
      context.problem(
          describe(activity)
              + " is multi-instance but has no zeebe:loopCharacteristics inputCollection");
      return null;
    }
    String completion =
        mi.getCompletionCondition() != null ? mi.getCompletionCondition().getTextContent() : null;
    return new FlowNode.MultiInstance(
        mi.isSequential(),
        loop.getInputCollection(),
        blankToNull(loop.getInputElement()),
        blankToNull(loop.getOutputCollection()),
        blankToNull(loop.getOutputElement()),
        blank(completion) ? null : completion.trim());
  }
}
