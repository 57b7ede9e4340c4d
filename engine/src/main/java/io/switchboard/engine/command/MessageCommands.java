package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.BufferedMessage;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.MessageSubscription;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Message publication (buffered for its time to live, unique by message id) and synchronous
 * correlation. A message reaches each process instance at most once, and starts at most one
 * instance per process through a message start event.
 */
public final class MessageCommands {
  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final WaitStates waitStates;

  public MessageCommands(
      CommandProcessor processor, ProcessExecutor executor, WaitStates waitStates) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.waitStates = waitStates;
    processor.onLoad(this::rescheduleAfterLoad);
  }

  public CompletableFuture<MessagePublicationResult> publish(MessagePublicationRequest request) {
    requireName(request.getName());
    String tenantId = Keys.tenant(request.getTenantId());
    String correlationKey = request.getCorrelationKey() == null ? "" : request.getCorrelationKey();
    long ttl = request.getTimeToLive() == null ? 0 : request.getTimeToLive();
    if (ttl < 0) {
      throw EngineException.invalidArgument(
          "Expected timeToLive to be zero or more, but it was " + ttl);
    }
    return processor.submit(
        reply -> {
          String messageId = request.getMessageId();
          if (messageId != null
              && !messageId.isEmpty()
              && state.messageBuffer.byId(tenantId, request.getName(), messageId).isPresent()) {
            throw EngineException.alreadyExists(
                "Expected to publish a new message with id '"
                    + messageId
                    + "', but a message with that id was already published");
          }
          BufferedMessage message = new BufferedMessage();
          message.key = state.keys.nextKey();
          message.name = request.getName();
          message.correlationKey = correlationKey;
          message.messageId = messageId;
          message.tenantId = tenantId;
          message.variables =
              request.getVariables() == null ? new HashMap<>() : request.getVariables();
          message.expiresAt = processor.now() + ttl;
          correlate(message);
          if (ttl > 0) {
            state.messageBuffer.put(message);
            scheduleExpiry(message);
          }
          executor.drain();
          processor.reply(
              reply,
              new MessagePublicationResult()
                  .messageKey(String.valueOf(message.key))
                  .tenantId(tenantId));
        });
  }

  public CompletableFuture<MessageCorrelationResult> correlate(MessageCorrelationRequest request) {
    requireName(request.getName());
    String tenantId = Keys.tenant(request.getTenantId());
    String correlationKey = request.getCorrelationKey() == null ? "" : request.getCorrelationKey();
    return processor.submit(
        reply -> {
          BufferedMessage message = new BufferedMessage();
          message.key = state.keys.nextKey();
          message.name = request.getName();
          message.correlationKey = correlationKey;
          message.tenantId = tenantId;
          message.variables =
              request.getVariables() == null ? new HashMap<>() : request.getVariables();
          Long first = correlate(message);
          if (first == null) {
            throw EngineException.notFound(
                "Expected to find subscription for message with name '"
                    + request.getName()
                    + "' and correlation key '"
                    + correlationKey
                    + "', but none was found.");
          }
          executor.drain();
          processor.reply(
              reply,
              new MessageCorrelationResult()
                  .messageKey(String.valueOf(message.key))
                  .processInstanceKey(String.valueOf(first))
                  .tenantId(tenantId));
        });
  }

  /**
   * Delivers to open subscriptions and message start events; the first instance reached, or null.
   */
  private Long correlate(BufferedMessage message) {
    Long first = null;
    Set<Long> reached = new HashSet<>();
    for (MessageSubscription subscription :
        List.copyOf(
            state.subscriptionsFor(message.tenantId, message.name, message.correlationKey))) {
      if (reached.add(subscription.processInstanceKey)) {
        message.correlatedProcessInstances.add(subscription.processInstanceKey);
        waitStates.triggerSubscription(subscription, message.variables);
        first = first == null ? subscription.processInstanceKey : first;
      }
    }
    for (ProcessDefinition definition : List.copyOf(state.processVersions.latestOfAll())) {
      if (!definition.tenantId.equals(message.tenantId)) {
        continue;
      }
      for (FlowNode start : definition.model.messageStartEvents()) {
        if (start.messageName.equals(message.name)
            && canStart(definition, message.correlationKey)) {
          ElementInstance pi =
              executor.createProcessInstance(
                  definition, message.variables, start.id, message.correlationKey);
          message.correlatedProcessInstances.add(pi.key);
          message.startedProcessIds.add(definition.bpmnProcessId);
          first = first == null ? pi.key : first;
          break;
        }
      }
    }
    return first;
  }

  /** Zeebe starts no second instance of a process for a correlation key while one is active. */
  private boolean canStart(ProcessDefinition definition, String correlationKey) {
    if (correlationKey == null || correlationKey.isEmpty()) {
      return true;
    }
    for (ElementInstance ei : state.elementInstances.all()) {
      if (ei.isProcessInstance()
          && ei.bpmnProcessId.equals(definition.bpmnProcessId)
          && ei.tenantId.equals(definition.tenantId)
          && correlationKey.equals(ei.startCorrelationKey)) {
        return false;
      }
    }
    return true;
  }

  private void scheduleExpiry(BufferedMessage message) {
    long key = message.key;
    processor.schedule(message.expiresAt, () -> state.messageBuffer.remove(key));
  }

  private void rescheduleAfterLoad() {
    for (BufferedMessage message : List.copyOf(state.messages.all())) {
      scheduleExpiry(message);
    }
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw EngineException.invalidArgument("Expected a message name, but none was given");
    }
  }
}
