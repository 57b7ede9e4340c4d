package io.switchboard.engine.transform.element;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.switchboard.engine.model.FlowNode;
import java.util.Collection;

/** What an {@link ElementTransformer} may ask of the process being transformed. */
public interface TransformContext {

  /** The id of the process being transformed. */
  String processId();

  /** Whether {@code scopeId} is the process itself (not a subprocess). */
  default boolean isTopLevel(String scopeId) {
    return processId().equals(scopeId);
  }

  /** Records a problem; the deployment is refused with all of them. */
  void problem(String problem);

  /** Records that the element (with an optional detail) is not executed by this engine. */
  default void unsupported(FlowElement element, String detail) {
    problem(
        "element '"
            + element.getId()
            + "' of type '"
            + element.getElementType().getTypeName()
            + "'"
            + (detail != null ? " (" + detail + ")" : "")
            + " is not supported by this engine");
  }

  /** Transforms the elements of a subprocess, whose id is {@code scopeId}. */
  void transformScope(Collection<FlowElement> elements, String scopeId);

  /** An element transformed earlier, or null. */
  FlowNode.Builder node(String id);

  /** Registers a start event of the process itself (none, message, timer or signal). */
  void processStartEvent(FlowNode.Builder start);

  /** The compensation handler activity associated with a compensation boundary event, or null. */
  String compensationHandler(String boundaryEventId);
}
