package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;

/** Signal broadcast: reaches every waiting signal event and signal start event of the tenant. */
public final class SignalCommands {
  private final CommandProcessor processor;
  private final ProcessExecutor executor;
  private final WaitStates waitStates;

  public SignalCommands(
      CommandProcessor processor, ProcessExecutor executor, WaitStates waitStates) {
    this.processor = processor;
    this.executor = executor;
    this.waitStates = waitStates;
  }

  public CompletableFuture<SignalBroadcastResult> broadcast(SignalBroadcastRequest request) {
    if (request.getSignalName() == null || request.getSignalName().isBlank()) {
      throw EngineException.invalidArgument("Expected a signalName, but none was given");
    }
    String tenantId = Keys.tenant(request.getTenantId());
    return processor.submit(
        reply -> {
          long key = processor.state().keys.nextKey();
          waitStates.broadcast(
              tenantId,
              request.getSignalName(),
              request.getVariables() == null ? new HashMap<>() : request.getVariables());
          executor.drain();
          processor.reply(
              reply, new SignalBroadcastResult().signalKey(String.valueOf(key)).tenantId(tenantId));
        });
  }
}
