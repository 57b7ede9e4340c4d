package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.Mapping;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets variables the way Zeebe does: a merged variable updates the nearest scope (from the given
 * one outwards) that already has it, or is created in the process instance's root scope.
 */
public final class VariableMerger {
  private final EngineState state;
  private final FeelExpressions feel;

  public VariableMerger(EngineState state, FeelExpressions feel) {
    this.state = state;
    this.feel = feel;
  }

  public void setLocal(ElementInstance scope, Map<String, Object> variables) {
    if (variables == null) {
      return;
    }
    variables.forEach(
        (name, value) -> state.variables.set(scope.key, scope.processInstanceKey, name, value));
  }

  /** Merges variables starting at {@code scopeKey} and propagating outwards. */
  public void propagate(long scopeKey, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    variables.forEach((name, value) -> propagateOne(scopeKey, name, value));
  }

  private void propagateOne(long scopeKey, String name, Object value) {
    long current = scopeKey;
    ElementInstance root = null;
    while (current >= 0) {
      ElementInstance scope = state.elementInstances.get(current);
      if (scope == null) {
        return;
      }
      if (state.variables.hasLocal(current, name)) {
        state.variables.set(current, scope.processInstanceKey, name, value);
        return;
      }
      root = scope;
      current = scope.flowScopeKey;
    }
    if (root != null) {
      state.variables.set(root.key, root.processInstanceKey, name, value);
    }
  }

  /** Evaluates input mappings against the element's visible variables; results become local. */
  public Map<String, Object> evaluateInputs(ElementInstance instance, List<Mapping> inputs) {
    Map<String, Object> context = state.visibleVariables(instance.flowScopeKey);
    // What the element holds before its inputs run (a multi-instance inner activity's input
    // element and loopCounter) is visible to them, as in Zeebe.
    context.putAll(state.variables.local(instance.key));
    Map<String, Object> result = new LinkedHashMap<>();
    for (Mapping input : inputs) {
      Object value = feel.evaluateFeel(input.source(), context);
      assign(result, input.target(), value);
      assign(context, input.target(), value);
    }
    return result;
  }

  /** Evaluates output mappings against the element's visible variables (locals included). */
  public Map<String, Object> evaluateOutputs(ElementInstance instance, List<Mapping> outputs) {
    Map<String, Object> context = state.visibleVariables(instance.key);
    Map<String, Object> result = new LinkedHashMap<>();
    for (Mapping output : outputs) {
      Object value = feel.evaluateFeel(output.source(), context);
      String top = output.target().split("\\.", 2)[0];
      if (output.target().contains(".")
          && !result.containsKey(top)
          && context.get(top) instanceof Map<?, ?> existing) {
        result.put(top, copy(existing));
      }
      assign(result, output.target(), value);
    }
    return result;
  }

  /** Assigns {@code a.b.c = value}, creating or copying nested contexts on the way. */
  @SuppressWarnings("unchecked")
  static void assign(Map<String, Object> target, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> current = target;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = current.get(parts[i]);
      Map<String, Object> nested = next instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
      current.put(parts[i], nested);
      current = nested;
    }
    current.put(parts[parts.length - 1], value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<?, ?> map) {
    return new LinkedHashMap<>((Map<String, Object>) map);
  }
}
