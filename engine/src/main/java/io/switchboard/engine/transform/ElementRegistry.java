package io.switchboard.engine.transform;

import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.TransformContext;
import io.switchboard.engine.transform.event.BoundaryEventTransformer;
import io.switchboard.engine.transform.event.EndEventTransformer;
import io.switchboard.engine.transform.event.IntermediateCatchEventTransformer;
import io.switchboard.engine.transform.event.IntermediateThrowEventTransformer;
import io.switchboard.engine.transform.event.StartEventTransformer;
import io.switchboard.engine.transform.gateway.GatewayTransformer;
import io.switchboard.engine.transform.subprocess.CallActivityTransformer;
import io.switchboard.engine.transform.subprocess.SubProcessTransformer;
import io.switchboard.engine.transform.task.BusinessRuleTaskTransformer;
import io.switchboard.engine.transform.task.JobWorkerTaskTransformer;
import io.switchboard.engine.transform.task.PassThroughTaskTransformer;
import io.switchboard.engine.transform.task.ReceiveTaskTransformer;
import io.switchboard.engine.transform.task.ScriptTaskTransformer;
import io.switchboard.engine.transform.usertask.UserTaskTransformer;
import java.util.HashMap;
import java.util.Map;

/**
 * The element transformers, keyed by BPMN element type name ({@code serviceTask}, {@code
 * boundaryEvent}, ...). An element whose type has no entry is refused as not supported. To teach
 * the engine a new element, write an {@link ElementTransformer} for it and register it in {@link
 * #standard()}.
 */
public final class ElementRegistry {
  private final Map<String, Entry<?>> transformers = new HashMap<>();

  private record Entry<T extends FlowElement>(Class<T> type, ElementTransformer<T> transformer) {
    FlowNode.Builder transform(FlowElement element, String scopeId, TransformContext context) {
      return transformer.transform(type.cast(element), scopeId, context);
    }
  }

  /** Every element family this engine executes. */
  public static ElementRegistry standard() {
    ElementRegistry registry = new ElementRegistry();
    registry.register("startEvent", StartEvent.class, new StartEventTransformer());
    registry.register("endEvent", EndEvent.class, new EndEventTransformer());
    registry.register(
        "intermediateCatchEvent",
        IntermediateCatchEvent.class,
        new IntermediateCatchEventTransformer());
    registry.register(
        "intermediateThrowEvent",
        IntermediateThrowEvent.class,
        new IntermediateThrowEventTransformer());
    registry.register("boundaryEvent", BoundaryEvent.class, new BoundaryEventTransformer());
    registry.register(
        "serviceTask", Task.class, new JobWorkerTaskTransformer(ElementType.SERVICE_TASK));
    registry.register("sendTask", Task.class, new JobWorkerTaskTransformer(ElementType.SEND_TASK));
    registry.register("scriptTask", ScriptTask.class, new ScriptTaskTransformer());
    registry.register(
        "businessRuleTask", BusinessRuleTask.class, new BusinessRuleTaskTransformer());
    registry.register("userTask", UserTask.class, new UserTaskTransformer());
    registry.register("receiveTask", ReceiveTask.class, new ReceiveTaskTransformer());
    registry.register(
        "manualTask", Task.class, new PassThroughTaskTransformer(ElementType.MANUAL_TASK));
    registry.register("task", Task.class, new PassThroughTaskTransformer(ElementType.TASK));
    registry.register(
        "exclusiveGateway", Gateway.class, new GatewayTransformer(ElementType.EXCLUSIVE_GATEWAY));
    registry.register(
        "parallelGateway", Gateway.class, new GatewayTransformer(ElementType.PARALLEL_GATEWAY));
    registry.register(
        "inclusiveGateway", Gateway.class, new GatewayTransformer(ElementType.INCLUSIVE_GATEWAY));
    registry.register(
        "eventBasedGateway",
        Gateway.class,
        new GatewayTransformer(ElementType.EVENT_BASED_GATEWAY));
    registry.register("subProcess", SubProcess.class, new SubProcessTransformer());
    // a transaction is a subprocess to this engine, as it always was
    registry.register("transaction", SubProcess.class, new SubProcessTransformer());
    registry.register("callActivity", CallActivity.class, new CallActivityTransformer());
    registry.register(
        "adHocSubProcess",
        AdHocSubProcess.class,
        (element, scopeId, context) -> {
          context.unsupported(element, "ad-hoc subprocess");
          return null;
        });
    // data objects and stores only document a diagram; Zeebe ignores them too
    for (String documentation :
        new String[] {"dataObject", "dataObjectReference", "dataStoreReference"}) {
      registry.register(documentation, FlowElement.class, (element, scopeId, context) -> null);
    }
    return registry;
  }

  /** Registers (or replaces) the transformer of one BPMN element type. */
  public <T extends FlowElement> ElementRegistry register(
      String bpmnTypeName, Class<T> type, ElementTransformer<T> transformer) {
    transformers.put(bpmnTypeName, new Entry<>(type, transformer));
    return this;
  }

  /** The element's builder, or null when it is not executed (refusals are recorded). */
  FlowNode.Builder transform(FlowElement element, String scopeId, TransformContext context) {
    Entry<?> entry = transformers.get(element.getElementType().getTypeName());
    if (entry == null) {
      context.unsupported(element, null);
      return null;
    }
    return entry.transform(element, scopeId, context);
  }
}
