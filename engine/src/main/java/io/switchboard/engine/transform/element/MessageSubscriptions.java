package io.switchboard.engine.transform.element;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.describe;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;

/** The correlation key a message catch element subscribes with. */
public final class MessageSubscriptions {
  private MessageSubscriptions() {}

  /** The message's {@code zeebe:subscription} correlation key, or null (problem recorded). */
  public static String correlationKey(
      Message message, FlowElement element, TransformContext context) {
    ZeebeSubscription subscription = extension(message, ZeebeSubscription.class);
    if (subscription == null || blank(subscription.getCorrelationKey())) {
      context.problem(
          describe(element)
              + " references message '"
              + message.getName()
              + "' without a zeebe:subscription correlationKey");
      return null;
    }
    return subscription.getCorrelationKey();
  }
}
