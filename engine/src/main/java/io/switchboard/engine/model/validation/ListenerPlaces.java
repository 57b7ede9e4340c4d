package io.switchboard.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Where this engine runs execution listeners: on processes, tasks, embedded and event subprocesses,
 * call activities, gateways and events, as Zeebe does (Zeebe's own validators, run first, refuse
 * start listeners on start and boundary events and end listeners on gateways and error end events);
 * on a multi-instance activity they run for each inner instance, as in Zeebe 8.8. Refused, naming
 * why: the end of a terminate end event or link throw event (they leave at once), compensation
 * throw events, and start listeners on an event after an event-based gateway (it is activated only
 * once it has been triggered).
 */
final class ListenerPlaces {
  private static final Set<String> RUN_ON =
      Set.of(
          "process",
          "serviceTask",
          "sendTask",
          "scriptTask",
          "businessRuleTask",
          "userTask",
          "receiveTask",
          "manualTask",
          "task",
          "subProcess",
          "callActivity",
          "exclusiveGateway",
          "inclusiveGateway",
          "parallelGateway",
          "eventBasedGateway",
          "startEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "endEvent",
          "boundaryEvent");

  private ListenerPlaces() {}

  /** Why these listeners are not run, or null when they are. */
  static String refusal(ZeebeExecutionListeners listeners) {
    ModelElementInstance extensionElements = listeners.getParentElement();
    ModelElementInstance owner =
        extensionElements == null ? null : extensionElements.getParentElement();
    if (owner == null || !RUN_ON.contains(owner.getElementType().getTypeName())) {
      return "execution listeners run on processes, tasks, subprocesses, call activities, gateways"
          + " and events only";
    }
    if (owner instanceof ThrowEvent event && has(event, CompensateEventDefinition.class)) {
      return "execution listeners are not run on compensation throw events";
    }
    boolean endListeners = hasListener(listeners, ZeebeExecutionListenerEventType.end);
    if (endListeners && owner instanceof EndEvent end && has(end, TerminateEventDefinition.class)) {
      return "end execution listeners are not run on terminate end events, which end their scope"
          + " at once";
    }
    if (endListeners
        && owner instanceof IntermediateThrowEvent link
        && has(link, LinkEventDefinition.class)) {
      return "end execution listeners are not run on link throw events, which jump to their"
          + " catch event at once";
    }
    if (hasListener(listeners, ZeebeExecutionListenerEventType.start)
        && owner instanceof IntermediateCatchEvent catchEvent
        && afterEventBasedGateway(catchEvent)) {
      return "start execution listeners are not run on an event after an event-based gateway";
    }
    return null;
  }

  private static boolean hasListener(
      ZeebeExecutionListeners listeners, ZeebeExecutionListenerEventType type) {
    for (ZeebeExecutionListener listener : listeners.getExecutionListeners()) {
      if (listener.getEventType() == type) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(Event event, Class<? extends EventDefinition> kind) {
    return event.getChildElementsByType(kind).size() > 0;
  }

  private static boolean afterEventBasedGateway(FlowNode node) {
    return node.getIncoming().stream().anyMatch(f -> f.getSource() instanceof EventBasedGateway);
  }
}
