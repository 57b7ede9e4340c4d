package io.switchboard.engine.transform.element;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.switchboard.engine.model.ExecutionListener;
import io.switchboard.engine.model.FlowNode;

/**
 * An element's {@code zeebe:executionListeners}, in model order. (Where the engine runs them is
 * decided by deployment validation, which refuses them everywhere else.)
 */
public final class ExecutionListeners {
  private ExecutionListeners() {}

  public static void read(BaseElement element, FlowNode.Builder node) {
    ZeebeExecutionListeners listeners = extension(element, ZeebeExecutionListeners.class);
    if (listeners == null) {
      return;
    }
    for (ZeebeExecutionListener listener : listeners.getExecutionListeners()) {
      node.executionListeners.add(
          new ExecutionListener(
              listener.getEventType() == ZeebeExecutionListenerEventType.end
                  ? ExecutionListener.EventType.END
                  : ExecutionListener.EventType.START,
              listener.getType(),
              blank(listener.getRetries())
                  ? ZeebeExecutionListener.DEFAULT_RETRIES
                  : listener.getRetries()));
    }
  }
}
