package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.BufferedMessage;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.MessageSubscription;
import java.util.Map;

/**
 * Message and signal subscriptions of waiting elements: opened with their evaluated name and
 * correlation key, correlated with a buffered message still alive when they open, and triggered
 * when a message or signal arrives.
 */
final class MessageCorrelation {
  private final CommandProcessor processor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final ProcessExecutor executor;
  private final EventRouter router;

  MessageCorrelation(
      CommandProcessor processor,
      FeelExpressions feel,
      ProcessExecutor executor,
      EventRouter router) {
    this.processor = processor;
    this.state = processor.state();
    this.feel = feel;
    this.executor = executor;
    this.router = router;
  }

  /** The subscription {@code owner} will hold for the event, evaluated but not yet open. */
  MessageSubscription subscription(ElementInstance owner, FlowNode node) {
    Map<String, Object> vars = state.visibleVariables(owner.key);
    MessageSubscription subscription = new MessageSubscription();
    subscription.key = state.keys.nextKey();
    subscription.elementInstanceKey = owner.key;
    subscription.processInstanceKey = owner.processInstanceKey;
    subscription.catchElementId = node.id;
    subscription.tenantId = owner.tenantId;
    if (node.eventKind == EventKind.SIGNAL) {
      subscription.signal = true;
      subscription.messageName = feel.evaluateString(node.signalName, vars, "signal name");
      subscription.correlationKey = "";
    } else {
      subscription.messageName = feel.evaluateString(node.messageName, vars, "message name");
      subscription.correlationKey =
          feel.evaluateString(node.correlationKey, vars, "correlation key");
    }
    subscription.interrupting =
        node.type == ElementType.BOUNDARY_EVENT ? node.cancelActivity : node.interrupting;
    return subscription;
  }

  /** Opens the subscription; a message subscription then looks for a buffered message. */
  void open(MessageSubscription subscription) {
    state.putSubscription(subscription);
    if (!subscription.signal) {
      executor.agenda().enqueue(() -> correlateBuffered(subscription));
    }
  }

  private void correlateBuffered(MessageSubscription subscription) {
    if (!state.subscriptions.contains(subscription.key)) {
      return;
    }
    long now = processor.now();
    for (BufferedMessage message :
        state.messageBuffer.matching(
            subscription.tenantId, subscription.messageName, subscription.correlationKey)) {
      if (message.expiresAt > now
          && !message.correlatedProcessInstances.contains(subscription.processInstanceKey)) {
        message.correlatedProcessInstances.add(subscription.processInstanceKey);
        state.messages.put(message.key, message);
        trigger(subscription, message.variables);
        return;
      }
    }
  }

  /** Delivers a message or signal to an open subscription. */
  void trigger(MessageSubscription subscription, Map<String, Object> variables) {
    ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null) {
      return;
    }
    if (!subscription.signal) {
      subscription.correlated = true;
      state.putSubscription(subscription);
    }
    FlowNode event = executor.model(waiting).node(subscription.catchElementId);
    if (event.type == ElementType.INTERMEDIATE_CATCH_EVENT
        || event.type == ElementType.RECEIVE_TASK) {
      if (waiting.elementType != ElementType.EVENT_BASED_GATEWAY) {
        state.removeSubscription(subscription.key);
      }
    }
    router.eventHappened(waiting, event, variables);
  }
}
