package io.switchboard.engine.execution;

import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;

/**
 * A kind of wait state that lives outside this package (a Camunda user task, for instance),
 * registered with {@link WaitStates#register}: the engine hands it the elements it applies to on
 * activation, and tells it about every element instance that goes away so it can end what it holds.
 */
public interface WaitStateBehavior {
  /** Whether this behaviour carries out the element's wait state. */
  boolean appliesTo(FlowNode node);

  /**
   * Enters the wait state: opens the element's boundary events ({@link
   * WaitStates#openBoundaryEvents}) and marks it active ({@link ProcessExecutor#markActive}), or
   * raises an incident.
   */
  void enter(ElementInstance instance, FlowNode node);

  /** The element instance completes or is terminated; end whatever it still holds. */
  void left(ElementInstance instance);
}
