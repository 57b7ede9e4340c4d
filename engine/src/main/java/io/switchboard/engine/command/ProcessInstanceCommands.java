package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.switchboard.engine.execution.ElementActivator;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.modification.ActivationTargets;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Creates (optionally awaiting the result) and cancels process instances. */
public final class ProcessInstanceCommands {
  private static final long DEFAULT_AWAIT_TIMEOUT_MS = 10_000;

  private record ResultWaiter(
      CreateProcessInstanceResult template,
      List<String> fetchVariables,
      CompletableFuture<CreateProcessInstanceResult> reply) {}

  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final ElementActivator activator;
  private final Map<Long, List<ResultWaiter>> resultWaiters = new HashMap<>();

  public ProcessInstanceCommands(
      CommandProcessor processor, ProcessExecutor executor, ElementActivator activator) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.activator = activator;
    executor.setCompletionListener(this::ended);
  }

  /**
   * Runtime instructions (terminate the instance after an element) are not executed; accepting them
   * would be a silent difference from Zeebe, so they are refused.
   */
  private static void refuseUnexecutedOptions(ProcessInstanceCreationInstruction request) {
    if (request.getRuntimeInstructions() != null && !request.getRuntimeInstructions().isEmpty()) {
      throw EngineException.invalidArgument(
          "The field 'runtimeInstructions' of a process instance creation is not supported by"
              + " this engine");
    }
  }

  public CompletableFuture<CreateProcessInstanceResult> create(
      ProcessInstanceCreationInstruction request) {
    if (request.getProcessDefinitionKey() == null
        && (request.getProcessDefinitionId() == null
            || request.getProcessDefinitionId().isBlank())) {
      throw EngineException.invalidArgument(
          "Expected either processDefinitionId or processDefinitionKey, but neither was given");
    }
    refuseUnexecutedOptions(request);
    String tenantId = Keys.tenant(request.getTenantId());
    Long definitionKey =
        request.getProcessDefinitionKey() == null
            ? null
            : Keys.parse(request.getProcessDefinitionKey(), "processDefinitionKey");
    boolean await = Boolean.TRUE.equals(request.getAwaitCompletion());
    long timeout =
        request.getRequestTimeout() == null || request.getRequestTimeout() <= 0
            ? DEFAULT_AWAIT_TIMEOUT_MS
            : request.getRequestTimeout();
    return processor.submit(
        reply -> {
          ProcessDefinition definition = findDefinition(request, tenantId, definitionKey);
          List<FlowNode> starts = startInstructions(request, definition);
          if (starts.isEmpty() && definition.model.noneStartEventId() == null) {
            throw EngineException.invalidArgument(
                "Expected to create an instance of process '"
                    + definition.bpmnProcessId
                    + "', but it has no none start event");
          }
          ElementInstance pi;
          if (starts.isEmpty()) {
            pi =
                executor.createProcessInstance(
                    definition, request.getVariables(), definition.model.noneStartEventId(), null);
          } else {
            pi = activator.createProcessInstance(definition, request.getVariables());
            for (FlowNode start : starts) {
              activator.activate(pi, start, -1, Map.of());
            }
          }
          CreateProcessInstanceResult result =
              new CreateProcessInstanceResult()
                  .processDefinitionId(definition.bpmnProcessId)
                  .processDefinitionVersion(definition.version)
                  .processDefinitionKey(String.valueOf(definition.key))
                  .processInstanceKey(String.valueOf(pi.key))
                  .tenantId(definition.tenantId)
                  .tags(request.getTags() == null ? new java.util.HashSet<>() : request.getTags());
          if (await) {
            resultWaiters
                .computeIfAbsent(pi.key, k -> new ArrayList<>())
                .add(new ResultWaiter(result, request.getFetchVariables(), reply));
            long piKey = pi.key;
            processor.scheduleRequestTimeout(timeout, () -> awaitTimedOut(piKey, reply));
            executor.drain();
          } else {
            executor.drain();
            processor.reply(reply, result.variables(new HashMap<>()));
          }
        });
  }

  /** The elements to start before, validated as Zeebe does; empty to start as usual. */
  private static List<FlowNode> startInstructions(
      ProcessInstanceCreationInstruction request, ProcessDefinition definition) {
    if (request.getStartInstructions() == null || request.getStartInstructions().isEmpty()) {
      return List.of();
    }
    ActivationTargets targets = ActivationTargets.forCreation();
    List<FlowNode> nodes = new ArrayList<>();
    for (var instruction : request.getStartInstructions()) {
      nodes.add(targets.target(definition.model, instruction.getElementId()));
    }
    return nodes;
  }

  private ProcessDefinition findDefinition(
      ProcessInstanceCreationInstruction request, String tenantId, Long definitionKey) {
    if (definitionKey != null) {
      ProcessDefinition definition = state.definitions.get(definitionKey);
      // another tenant's definition is as good as absent: no hint that it exists
      if (definition == null
          || (request.getTenantId() != null && !definition.tenantId.equals(tenantId))) {
        throw EngineException.notFound(
            "Expected to find process definition with key '" + definitionKey + "', but none found");
      }
      return definition;
    }
    String id = request.getProcessDefinitionId();
    Integer version = request.getProcessDefinitionVersion();
    if (version == null || version < 0) {
      return state
          .processVersions
          .latest(tenantId, id)
          .orElseThrow(
              () ->
                  EngineException.notFound(
                      "Expected to find process definition with process ID '"
                          + id
                          + "', but none found"));
    }
    return state
        .processVersions
        .version(tenantId, id, version)
        .orElseThrow(
            () ->
                EngineException.notFound(
                    "Expected to find process definition with process ID '"
                        + id
                        + "' and version '"
                        + version
                        + "', but none found"));
  }

  private void awaitTimedOut(long piKey, CompletableFuture<CreateProcessInstanceResult> reply) {
    List<ResultWaiter> waiters = resultWaiters.get(piKey);
    if (waiters != null && waiters.removeIf(w -> w.reply() == reply)) {
      if (waiters.isEmpty()) {
        resultWaiters.remove(piKey);
      }
      processor.fail(
          reply,
          EngineException.deadlineExceeded(
              "Expected to complete process instance '"
                  + piKey
                  + "' within the request timeout, but it did not"));
    }
  }

  private void ended(ElementInstance pi, Map<String, Object> variables, boolean terminated) {
    List<ResultWaiter> waiters = resultWaiters.remove(pi.key);
    if (waiters == null) {
      return;
    }
    for (ResultWaiter waiter : waiters) {
      if (terminated) {
        processor.fail(
            waiter.reply(),
            EngineException.invalidState(
                "Process instance '" + pi.key + "' was terminated before it completed"));
        continue;
      }
      Map<String, Object> result = new LinkedHashMap<>();
      variables.forEach(
          (name, value) -> {
            if (waiter.fetchVariables() == null
                || waiter.fetchVariables().isEmpty()
                || waiter.fetchVariables().contains(name)) {
              result.put(name, value);
            }
          });
      processor.reply(waiter.reply(), waiter.template().variables(result));
    }
  }

  private long rootOf(ElementInstance pi) {
    ElementInstance current = pi;
    while (current.parentProcessInstanceKey >= 0) {
      ElementInstance parent = state.elementInstances.get(current.parentProcessInstanceKey);
      if (parent == null) {
        break;
      }
      current = parent;
    }
    return current.key;
  }

  public CompletableFuture<Void> cancel(String key) {
    long piKey = Keys.parse(key, "processInstanceKey");
    return processor.submit(
        reply -> {
          ElementInstance pi = state.elementInstances.get(piKey);
          if (pi == null || !pi.isProcessInstance()) {
            throw EngineException.notFound(
                "Expected to cancel a process instance with key '"
                    + piKey
                    + "', but no such process was found");
          }
          if (pi.parentElementInstanceKey >= 0) {
            throw EngineException.invalidState(
                "Expected to cancel a process instance with key '"
                    + piKey
                    + "', but it is created by a parent process instance. Cancel the root process instance '"
                    + rootOf(pi)
                    + "' instead.");
          }
          executor.cancelProcessInstance(pi);
          executor.drain();
          processor.reply(reply, null);
        });
  }
}
