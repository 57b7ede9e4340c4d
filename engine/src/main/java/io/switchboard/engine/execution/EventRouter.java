package io.switchboard.engine.execution;

import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;
import java.util.Map;

/** Where a fired timer, a correlated message or a signal goes: to what waits for it. */
@FunctionalInterface
interface EventRouter {
  void eventHappened(ElementInstance waiting, FlowNode event, Map<String, Object> variables);
}
