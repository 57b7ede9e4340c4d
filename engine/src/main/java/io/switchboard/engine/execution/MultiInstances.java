package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-instance activities as Zeebe runs them: a body element instance holds the output collection
 * and the attached boundary events; inner instances, one per input element, run in parallel or one
 * after the other, each with {@code loopCounter} and its input element as local variables. The
 * output collection keeps input order.
 */
final class MultiInstances {
  private final ProcessExecutor executor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final IncidentRaiser incidents;

  MultiInstances(
      ProcessExecutor executor, EngineState state, FeelExpressions feel, IncidentRaiser incidents) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
  }

  void activateBody(ElementInstance body, FlowNode node) {
    List<Object> items;
    try {
      Object collection =
          feel.evaluateFeel(node.loop.inputCollection(), state.visibleVariables(body.key));
      if (!(collection instanceof List<?> list)) {
        throw new FeelEvaluationException(
            "Expected result of the expression '"
                + node.loop.inputCollection()
                + "' to be 'ARRAY', but was '"
                + (collection == null ? "NULL" : collection.getClass().getSimpleName())
                + "'");
      }
      items = new ArrayList<>(list);
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(body, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    if (!executor.waitStates().openBoundaryEvents(body, node)) {
      return;
    }
    executor.markActive(body);
    // kept on the body so sequential instances see the collection as it was on activation
    body.inputItems = items;
    if (node.loop.outputCollection() != null) {
      state.variables.set(
          body.key,
          body.processInstanceKey,
          node.loop.outputCollection(),
          new ArrayList<>(Collections.nCopies(items.size(), null)));
    }
    if (items.isEmpty()) {
      executor.agenda().enqueue(() -> executor.complete(body, node.outgoing));
      return;
    }
    int first = node.loop.sequential() ? 1 : items.size();
    for (int i = 0; i < first; i++) {
      startInner(body, node, items, i);
    }
  }

  private void startInner(ElementInstance body, FlowNode node, List<Object> items, int index) {
    body.startedInnerInstances = index + 1;
    state.putElementInstance(body);
    executor
        .agenda()
        .enqueueInScope(
            body,
            () -> {
              if (!state.elementInstances.contains(body.key)) {
                return;
              }
              ElementInstance inner = executor.newInstance(body, node);
              inner.loopCounter = index + 1;
              state.putElementInstance(inner);
              state.variables.set(inner.key, inner.processInstanceKey, "loopCounter", index + 1);
              if (node.loop.inputElement() != null) {
                state.variables.set(
                    inner.key,
                    inner.processInstanceKey,
                    node.loop.inputElement(),
                    items.get(index));
              }
              executor.runActivation(inner, node);
            });
  }

  /** Before an inner instance goes: its output element into the body's output collection. */
  @SuppressWarnings("unchecked")
  void collectOutput(ElementInstance body, ElementInstance inner, FlowNode node) {
    if (node.loop.outputCollection() == null || node.loop.outputElement() == null) {
      return;
    }
    Object element;
    try {
      element = feel.evaluateFeel(node.loop.outputElement(), state.visibleVariables(inner.key));
    } catch (FeelEvaluationException e) {
      element = null; // Zeebe leaves the slot null when the output element cannot be evaluated
    }
    Object current = state.variables.local(body.key).get(node.loop.outputCollection());
    List<Object> outputs =
        current instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
    while (outputs.size() < inner.loopCounter) {
      outputs.add(null);
    }
    outputs.set(inner.loopCounter - 1, element);
    state.variables.set(body.key, body.processInstanceKey, node.loop.outputCollection(), outputs);
  }

  @SuppressWarnings("unchecked")
  void innerCompleted(ElementInstance body, FlowNode node) {
    if (!state.elementInstances.contains(body.key)) {
      return;
    }
    List<Object> items = body.inputItems == null ? List.of() : body.inputItems;
    int active = state.children(body.key).size();
    int completed = body.startedInnerInstances - active;
    if (node.loop.completionCondition() != null) {
      Map<String, Object> context = new LinkedHashMap<>(state.visibleVariables(body.key));
      context.put("numberOfInstances", items.size());
      context.put("numberOfActiveInstances", active);
      context.put("numberOfCompletedInstances", completed);
      try {
        if (feel.evaluateCondition(node.loop.completionCondition(), context)) {
          executor.terminateChildren(body);
          executor.complete(body, node.outgoing);
          return;
        }
      } catch (FeelEvaluationException e) {
        incidents.raise(
            body, "CONDITION_ERROR", e.getMessage(), Incident.RetryAction.COMPLETE_ELEMENT, -1);
        return;
      }
    }
    if (node.loop.sequential() && body.startedInnerInstances < items.size()) {
      startInner(body, node, items, body.startedInnerInstances);
      return;
    }
    if (active == 0 && body.startedInnerInstances >= items.size()) {
      executor.complete(body, node.outgoing);
    }
  }

  /** On completion of the body, the output collection moves to the flow scope. */
  void propagateOutputCollection(ElementInstance body, FlowNode node) {
    if (node.loop.outputCollection() == null) {
      return;
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put(
        node.loop.outputCollection(),
        state.variables.local(body.key).get(node.loop.outputCollection()));
    executor.variables().propagate(body.flowScopeKey, output);
  }
}
