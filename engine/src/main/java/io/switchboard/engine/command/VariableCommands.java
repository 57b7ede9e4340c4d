package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.SetVariableRequest;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import java.util.concurrent.CompletableFuture;

/** Sets variables on a running element instance or process instance. */
public final class VariableCommands {
  private final CommandProcessor processor;
  private final ProcessExecutor executor;

  public VariableCommands(CommandProcessor processor, ProcessExecutor executor) {
    this.processor = processor;
    this.executor = executor;
  }

  public CompletableFuture<Void> set(String elementInstanceKey, SetVariableRequest request) {
    long key = Keys.parse(elementInstanceKey, "elementInstanceKey");
    if (request == null || request.getVariables() == null) {
      throw EngineException.invalidArgument("Expected variables to set, but none were given");
    }
    return processor.submit(
        reply -> {
          ElementInstance instance = processor.state().elementInstances.get(key);
          if (instance == null) {
            throw EngineException.notFound(
                "Expected to update variables for element with key '"
                    + key
                    + "', but no such element was found");
          }
          if (Boolean.TRUE.equals(request.getLocal())) {
            executor.variables().setLocal(instance, request.getVariables());
          } else {
            executor.variables().propagate(instance.key, request.getVariables());
          }
          processor.reply(reply, null);
        });
  }
}
