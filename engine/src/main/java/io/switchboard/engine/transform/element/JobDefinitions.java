package io.switchboard.engine.transform.element;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.describe;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.switchboard.engine.model.FlowNode;

/** The job a worker carries out for an element: type, retries and task headers. */
public final class JobDefinitions {
  private JobDefinitions() {}

  /** Reads the required {@code zeebe:taskDefinition} and the task headers. */
  public static void read(FlowElement element, FlowNode.Builder node, TransformContext context) {
    ZeebeTaskDefinition definition = extension(element, ZeebeTaskDefinition.class);
    if (definition == null || blank(definition.getType())) {
      context.problem(describe(element) + " needs a zeebe:taskDefinition with a job type");
    } else {
      node.jobType = definition.getType();
      if (!blank(definition.getRetries())) {
        node.jobRetries = definition.getRetries();
      }
    }
    headers(element, node);
  }

  public static void headers(FlowElement element, FlowNode.Builder node) {
    ZeebeTaskHeaders headers = extension(element, ZeebeTaskHeaders.class);
    if (headers != null) {
      for (ZeebeHeader header : headers.getHeaders()) {
        node.taskHeaders.put(header.getKey(), header.getValue());
      }
    }
  }

  /** Adds a header unless the value is blank. */
  public static void putHeader(FlowNode.Builder node, String key, String value) {
    if (!blank(value)) {
      node.taskHeaders.put(key, value);
    }
  }
}
