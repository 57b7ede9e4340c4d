package io.switchboard.engine.modification;

import io.camunda.client.protocol.rest.ModifyProcessInstanceVariableInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationActivateInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationTerminateInstruction;
import io.switchboard.engine.execution.ElementActivator;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Process instance modification ({@code newModifyProcessInstanceCommand}, {@code POST
 * /process-instances/{key}/modification}): activate elements (with variables, under a chosen
 * ancestor) and terminate element instances, as one command. Every instruction is checked before
 * anything changes, so a refused modification leaves the instance as it was; the applied one is
 * durable like every command. A flow scope left without anything running after the terminations is
 * terminated too, up to the process instance, as in Zeebe.
 */
public final class ModificationCommands {
  private record Activation(
      FlowNode node, long ancestorKey, Map<String, Map<String, Object>> variables) {}

  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final ElementActivator activator;

  public ModificationCommands(
      CommandProcessor processor, ProcessExecutor executor, ElementActivator activator) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.activator = activator;
  }

  public CompletableFuture<Void> modify(
      String processInstanceKey, ProcessInstanceModificationInstruction request) {
    long key = parse(processInstanceKey, "processInstanceKey");
    ProcessInstanceModificationInstruction instruction =
        request == null ? new ProcessInstanceModificationInstruction() : request;
    return processor.submit(
        reply -> {
          ElementInstance pi = state.elementInstances.get(key);
          if (pi == null || !pi.isProcessInstance()) {
            throw EngineException.notFound(
                "Expected to modify process instance but no process instance found with key '"
                    + key
                    + "'");
          }
          List<Activation> activations = activations(pi, instruction);
          List<ElementInstance> terminations = terminations(pi, instruction);
          for (Activation activation : activations) {
            activator.activate(
                pi, activation.node(), activation.ancestorKey(), activation.variables());
          }
          for (ElementInstance instance : terminations) {
            if (state.elementInstances.contains(instance.key)) {
              long flowScopeKey = instance.flowScopeKey;
              executor.terminate(instance);
              terminateIfEmpty(flowScopeKey);
            }
          }
          executor.drain();
          processor.reply(reply, null);
        });
  }

  private List<Activation> activations(
      ElementInstance pi, ProcessInstanceModificationInstruction instruction) {
    List<Activation> result = new ArrayList<>();
    if (instruction.getActivateInstructions() == null) {
      return result;
    }
    ProcessModel model = executor.model(pi);
    ActivationTargets targets = ActivationTargets.forModification(pi.bpmnProcessId);
    for (ProcessInstanceModificationActivateInstruction activate :
        instruction.getActivateInstructions()) {
      FlowNode node = targets.target(model, activate.getElementId());
      String ancestor = activate.getAncestorElementInstanceKey();
      long ancestorKey =
          ancestor == null || ancestor.isBlank() || ancestor.equals("-1")
              ? -1
              : parse(ancestor, "ancestorElementInstanceKey");
      activator.check(pi, node, ancestorKey);
      result.add(new Activation(node, ancestorKey, variables(pi, model, node, activate)));
    }
    return result;
  }

  /** Variables by the element id of the scope they go to; no scope id means the instance. */
  private static Map<String, Map<String, Object>> variables(
      ElementInstance pi,
      ProcessModel model,
      FlowNode node,
      ProcessInstanceModificationActivateInstruction activate) {
    Map<String, Map<String, Object>> byScope = new HashMap<>();
    if (activate.getVariableInstructions() == null) {
      return byScope;
    }
    for (ModifyProcessInstanceVariableInstruction v : activate.getVariableInstructions()) {
      String scopeId =
          v.getScopeId() == null || v.getScopeId().isEmpty() ? pi.elementId : v.getScopeId();
      if (!scopeId.equals(pi.elementId) && !isElementOrFlowScope(model, node, scopeId)) {
        throw EngineException.invalidArgument(
            "Expected to modify instance of process '"
                + pi.bpmnProcessId
                + "' but it contains one or more variable instructions with a scope element id"
                + " that is neither the activated element '"
                + node.id
                + "' nor one of its flow scopes: '"
                + scopeId
                + "'");
      }
      if (v.getVariables() != null) {
        byScope.computeIfAbsent(scopeId, k -> new HashMap<>()).putAll(v.getVariables());
      }
    }
    return byScope;
  }

  private static boolean isElementOrFlowScope(ProcessModel model, FlowNode node, String scopeId) {
    for (FlowNode current = node;
        current != null && current.type != ElementType.PROCESS;
        current = model.node(current.flowScopeId)) {
      if (current.id.equals(scopeId)) {
        return true;
      }
    }
    return false;
  }

  private List<ElementInstance> terminations(
      ElementInstance pi, ProcessInstanceModificationInstruction instruction) {
    List<ElementInstance> result = new ArrayList<>();
    if (instruction.getTerminateInstructions() == null) {
      return result;
    }
    for (ProcessInstanceModificationTerminateInstruction terminate :
        instruction.getTerminateInstructions()) {
      long key = parse(terminate.getElementInstanceKey(), "elementInstanceKey");
      ElementInstance instance = state.elementInstances.get(key);
      if (instance == null
          || instance.processInstanceKey != pi.key
          || instance.isProcessInstance()) {
        throw EngineException.invalidArgument(
            "Expected to modify instance of process '"
                + pi.bpmnProcessId
                + "' but it contains one or more terminate instructions with an element instance"
                + " that could not be found: '"
                + key
                + "'");
      }
      result.add(instance);
    }
    return result;
  }

  /** Terminates a flow scope that has nothing left to run, and so on upwards. */
  private void terminateIfEmpty(long scopeKey) {
    ElementInstance scope = state.elementInstances.get(scopeKey);
    while (scope != null
        && state.children(scope.key).isEmpty()
        && scope.joinTokens.isEmpty()
        && !executor.hasPendingSteps(scope)
        && scope.elementType != ElementType.MULTI_INSTANCE_BODY) {
      if (scope.isProcessInstance()) {
        executor.cancelProcessInstance(scope);
        return;
      }
      long parentKey = scope.flowScopeKey;
      executor.terminate(scope);
      scope = state.elementInstances.get(parentKey);
    }
  }

  private static long parse(String value, String what) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw EngineException.invalidArgument(
          "Expected " + what + " to be a numeric key, but it was '" + value + "'");
    }
  }
}
