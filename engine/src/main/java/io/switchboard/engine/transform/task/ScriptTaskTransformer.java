package io.switchboard.engine.transform.task;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.describe;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.JobDefinitions;
import io.switchboard.engine.transform.element.TransformContext;

/** Script tasks: a FEEL {@code zeebe:script} evaluated by the engine, or else a job. */
public final class ScriptTaskTransformer implements ElementTransformer<ScriptTask> {

  @Override
  public FlowNode.Builder transform(ScriptTask element, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), ElementType.SCRIPT_TASK, scopeId);
    ZeebeScript script = extension(element, ZeebeScript.class);
    if (script != null) {
      if (blank(script.getExpression()) || blank(script.getResultVariable())) {
        context.problem(
            describe(element) + " needs a zeebe:script with an expression and a resultVariable");
      }
      node.scriptExpression = script.getExpression();
      node.resultVariable = script.getResultVariable();
    } else {
      JobDefinitions.read(element, node, context);
    }
    ActivityProperties.read(element, node, context);
    return node;
  }
}
