package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.ExecutionListener;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Activates an element anywhere in a process instance, as Zeebe's element activation behaviour does
 * for start instructions and modifications: the flow scopes between the instance and the element
 * are reused when exactly one instance of them runs (or the one the caller names), created
 * otherwise (their boundary events and event subprocess triggers opened, their start events not
 * run), and the element itself is activated as if a token had arrived.
 */
public final class ElementActivator {
  private final ProcessExecutor executor;
  private final EngineState state;
  private final IncidentRaiser incidents;

  public ElementActivator(ProcessExecutor executor, EngineState state, IncidentRaiser incidents) {
    this.executor = executor;
    this.state = state;
    this.incidents = incidents;
  }

  /** Creates a process instance without running its start event; tokens come from instructions. */
  public ElementInstance createProcessInstance(
      ProcessDefinition definition, Map<String, Object> variables) {
    return executor.newProcessInstance(definition, variables, null, null);
  }

  /**
   * Checks, without changing anything, that {@link #activate} can place {@code target}: the
   * ancestor exists and is one of its flow scopes, and no flow scope on the way is ambiguous.
   * Commands check every instruction first, so a refused command leaves no trace.
   */
  public void check(ElementInstance processInstance, FlowNode target, long ancestorKey) {
    walk(processInstance, target, ancestorKey, null);
  }

  /**
   * Queues the activation of {@code target}; the flow scopes are found or created at once, with the
   * given variables set on them (by scope element id; the process id for the instance).
   *
   * @param ancestorKey the element instance to activate under, or -1 to pick the only one
   * @return the flow scope the element is activated in
   */
  public ElementInstance activate(
      ElementInstance processInstance,
      FlowNode target,
      long ancestorKey,
      Map<String, Map<String, Object>> variablesByScopeId) {
    ElementInstance flowScope = walk(processInstance, target, ancestorKey, variablesByScopeId);
    if (flowScope.state == ElementInstance.State.ACTIVE) {
      Map<String, Object> local = variablesByScopeId.get(target.id);
      executor
          .agenda()
          .enqueueInScope(flowScope, () -> activateWithLocals(flowScope, target, local));
    }
    // else a created flow scope's input mapping failed: it waits with an incident, and resolving
    // it activates the scope the ordinary way (from its start event)
    return flowScope;
  }

  /** Finds (and, given variables to set, creates) the flow scopes down to the target's. */
  private ElementInstance walk(
      ElementInstance processInstance,
      FlowNode target,
      long ancestorKey,
      Map<String, Map<String, Object>> variablesByScopeId) {
    boolean create = variablesByScopeId != null;
    ProcessModel model = executor.model(processInstance);
    Deque<FlowNode> scopes = new ArrayDeque<>();
    for (FlowNode scope = model.node(target.flowScopeId);
        scope != null && scope.type != ElementType.PROCESS;
        scope = model.node(scope.flowScopeId)) {
      scopes.push(scope);
    }
    ElementInstance ancestor = ancestorKey < 0 ? null : ancestor(processInstance, ancestorKey);
    boolean ancestorUsed = ancestor == null || ancestor.key == processInstance.key;
    if (create) {
      setVariables(processInstance, variablesByScopeId.get(processInstance.elementId));
    }
    ElementInstance scope = processInstance;
    for (FlowNode scopeNode : scopes) {
      if (ancestor != null && ancestor.elementId.equals(scopeNode.id)) {
        if (!inChain(ancestor, scope)) {
          break; // ancestor is not below the scope reached so far: refused below
        }
        scope = ancestor;
        ancestorUsed = true;
      } else {
        ElementInstance existing = existing(scope, scopeNode, ancestor == null, target);
        if (existing == null && !create) {
          refuseStartListeners(scopes, scopeNode, target);
          return null; // the rest will be created: nothing more to check
        }
        scope = existing != null ? existing : createScope(scope, scopeNode);
        if (scope.state != ElementInstance.State.ACTIVE) {
          return scope;
        }
      }
      if (create) {
        setVariables(scope, variablesByScopeId.get(scopeNode.id));
      }
    }
    if (!ancestorUsed) {
      throw EngineException.invalidArgument(
          "Expected to activate element '"
              + target.id
              + "' under ancestor element instance '"
              + ancestorKey
              + "', but the ancestor is not a flow scope of the element");
    }
    return scope;
  }

  /** As a token arriving, with the instruction's local variables set before the activation. */
  private void activateWithLocals(
      ElementInstance scope, FlowNode target, Map<String, Object> local) {
    if (!state.elementInstances.contains(scope.key)) {
      return; // terminated by the same command
    }
    if (local == null || local.isEmpty()) {
      executor.activate(scope, target, null);
      return;
    }
    ElementInstance instance = executor.newInstance(scope, target);
    if (target.loop != null) {
      instance.elementType = ElementType.MULTI_INSTANCE_BODY;
    }
    state.putElementInstance(instance);
    executor.variables().setLocal(instance, local);
    executor.runActivation(instance, target);
  }

  /**
   * Flow scopes created by an instruction do not run their start execution listeners; rather than
   * skip them silently, such an instruction is refused.
   */
  private static void refuseStartListeners(Deque<FlowNode> scopes, FlowNode from, FlowNode target) {
    boolean created = false;
    for (FlowNode scopeNode : scopes) {
      created = created || scopeNode == from;
      if (created && !scopeNode.listeners(ExecutionListener.EventType.START).isEmpty()) {
        throw EngineException.invalidArgument(
            "Expected to activate element '"
                + target.id
                + "', but its flow scope '"
                + scopeNode.id
                + "' would be created and has start execution listeners, which this engine does"
                + " not run for flow scopes created by an instruction");
      }
    }
  }

  private ElementInstance ancestor(ElementInstance processInstance, long key) {
    ElementInstance ancestor = state.elementInstances.get(key);
    if (ancestor == null || ancestor.processInstanceKey != processInstance.key) {
      throw EngineException.invalidArgument(
          "Expected to activate an element under ancestor element instance '"
              + key
              + "', but no such element instance of process instance '"
              + processInstance.key
              + "' is active");
    }
    return ancestor;
  }

  /** Whether {@code scope} lies inside (or is) {@code outer}. */
  private boolean inChain(ElementInstance scope, ElementInstance outer) {
    for (ElementInstance current = scope;
        current != null;
        current = state.elementInstances.get(current.flowScopeKey)) {
      if (current.key == outer.key) {
        return true;
      }
    }
    return false;
  }

  private ElementInstance existing(
      ElementInstance parent, FlowNode scopeNode, boolean mustBeUnique, FlowNode target) {
    List<ElementInstance> running =
        state.children(parent.key).stream()
            .filter(c -> c.elementId.equals(scopeNode.id))
            .filter(
                c ->
                    c.elementType == ElementType.SUB_PROCESS
                        || c.elementType == ElementType.EVENT_SUB_PROCESS)
            .toList();
    if (running.size() > 1 && mustBeUnique) {
      throw EngineException.invalidArgument(
          "Expected to activate element '"
              + target.id
              + "', but more than one instance of its flow scope '"
              + scopeNode.id
              + "' is active; name the one to use as ancestorElementInstanceKey");
    }
    return running.isEmpty() ? null : running.get(running.size() - 1);
  }

  /** A new instance of a flow scope, active, without running its start event. */
  private ElementInstance createScope(ElementInstance parent, FlowNode scopeNode) {
    ElementInstance created = executor.newInstance(parent, scopeNode);
    state.putElementInstance(created);
    if (!scopeNode.inputs.isEmpty()) {
      try {
        executor
            .variables()
            .setLocal(created, executor.variables().evaluateInputs(created, scopeNode.inputs));
      } catch (FeelEvaluationException e) {
        incidents.activationFailed(created, "IO_MAPPING_ERROR", e.getMessage());
        return created;
      }
    }
    if (scopeNode.type == ElementType.SUB_PROCESS) {
      executor.waitStates().openBoundaryEvents(created, scopeNode);
      executor.waitStates().openEventSubprocessTriggers(created, scopeNode);
    }
    executor.markActive(created);
    return created;
  }

  private void setVariables(ElementInstance scope, Map<String, Object> variables) {
    if (variables != null && !variables.isEmpty()) {
      executor.variables().setLocal(scope, variables);
    }
  }
}
