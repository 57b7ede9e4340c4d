package io.switchboard.engine.transform.gateway;

import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;

/**
 * Exclusive, inclusive, parallel and event-based gateways; the first two with their default flow.
 * (That every other flow leaving an exclusive gateway has a condition is checked once the flows are
 * linked.)
 */
public final class GatewayTransformer implements ElementTransformer<Gateway> {
  private final ElementType type;

  public GatewayTransformer(ElementType type) {
    this.type = type;
  }

  @Override
  public FlowNode.Builder transform(Gateway element, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), type, scopeId);
    SequenceFlow defaultFlow =
        element instanceof ExclusiveGateway exclusive
            ? exclusive.getDefault()
            : element instanceof InclusiveGateway inclusive ? inclusive.getDefault() : null;
    node.defaultFlowId = defaultFlow != null ? defaultFlow.getId() : null;
    return node;
  }
}
