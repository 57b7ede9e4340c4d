package io.switchboard.engine.transform.element;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.switchboard.engine.model.FlowNode;

/**
 * Turns one BPMN element family into executable {@link FlowNode}s. One small implementation per
 * family, registered under the BPMN element type names it handles (see {@code ElementRegistry}).
 *
 * @param <T> the BPMN model class of the element
 */
public interface ElementTransformer<T extends FlowElement> {

  /**
   * Builds the element's executable form inside the scope {@code scopeId} (the process's or an
   * enclosing subprocess's id). Problems go to {@link TransformContext#problem} (all of a
   * resource's problems are reported together), never into an exception.
   *
   * @return the element's builder, or null when the element is not executed: refused (the problem
   *     is recorded) or, like a data object, only documenting the diagram
   */
  FlowNode.Builder transform(T element, String scopeId, TransformContext context);
}
