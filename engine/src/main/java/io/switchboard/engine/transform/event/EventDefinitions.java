package io.switchboard.engine.transform.event;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.describe;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.EventKind;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.TimerDefinition;
import io.switchboard.engine.transform.element.Mappings;
import io.switchboard.engine.transform.element.MessageSubscriptions;
import io.switchboard.engine.transform.element.TransformContext;
import java.util.Collection;

/** Reads an event's (single) event definition and mappings into its builder. */
final class EventDefinitions {
  private EventDefinitions() {}

  static FlowNode.Builder read(
      Event element, ElementType type, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), type, scopeId);
    Collection<EventDefinition> definitions =
        element instanceof CatchEvent c
            ? c.getEventDefinitions()
            : ((ThrowEvent) element).getEventDefinitions();
    if (definitions.size() > 1) {
      context.unsupported(element, "event with several event definitions");
    }
    for (EventDefinition definition : definitions) {
      read(definition, element, node, context);
    }
    Mappings.read(element, node);
    return node;
  }

  private static void read(
      EventDefinition definition, Event element, FlowNode.Builder node, TransformContext context) {
    if (definition instanceof MessageEventDefinition message) {
      node.eventKind = EventKind.MESSAGE;
      if (message.getMessage() == null || blank(message.getMessage().getName())) {
        context.problem(describe(element) + " must reference a message with a name");
      } else {
        node.messageName = message.getMessage().getName();
        // message start events of the process need no correlation key; those of event
        // subprocesses do, like any catch event inside an instance
        if (node.type != ElementType.START_EVENT || !context.isTopLevel(node.flowScopeId)) {
          node.correlationKey =
              MessageSubscriptions.correlationKey(message.getMessage(), element, context);
        }
      }
    } else if (definition instanceof TimerEventDefinition timer) {
      node.eventKind = EventKind.TIMER;
      node.timer = timer(timer, element, context);
    } else if (definition instanceof ErrorEventDefinition error) {
      node.eventKind = EventKind.ERROR;
      node.errorCode = error.getError() != null ? error.getError().getErrorCode() : null;
    } else if (definition instanceof TerminateEventDefinition) {
      node.eventKind = EventKind.TERMINATE;
    } else if (definition instanceof SignalEventDefinition signal) {
      node.eventKind = EventKind.SIGNAL;
      if (signal.getSignal() == null || blank(signal.getSignal().getName())) {
        context.problem(describe(element) + " must reference a signal with a name");
      } else {
        node.signalName = signal.getSignal().getName();
      }
    } else if (definition instanceof EscalationEventDefinition escalation) {
      node.eventKind = EventKind.ESCALATION;
      node.escalationCode =
          escalation.getEscalation() != null
              ? escalation.getEscalation().getEscalationCode()
              : null;
      if (element instanceof ThrowEvent && blank(node.escalationCode)) {
        context.problem(
            describe(element) + " must reference an escalation with an escalation code");
      }
    } else if (definition instanceof LinkEventDefinition link) {
      node.eventKind = EventKind.LINK;
      node.linkName = link.getName();
      if (blank(node.linkName)) {
        context.problem(describe(element) + " needs a link name");
      }
    } else if (definition instanceof CompensateEventDefinition compensate) {
      node.eventKind = EventKind.COMPENSATION;
      node.compensateActivityId =
          compensate.getActivity() != null ? compensate.getActivity().getId() : null;
    } else {
      context.unsupported(element, "event with " + definition.getElementType().getTypeName());
    }
  }

  private static TimerDefinition timer(
      TimerEventDefinition timer, Event element, TransformContext context) {
    if (timer.getTimeDuration() != null) {
      return new TimerDefinition(
          TimerDefinition.Kind.DURATION, timer.getTimeDuration().getTextContent().trim());
    }
    if (timer.getTimeDate() != null) {
      return new TimerDefinition(
          TimerDefinition.Kind.DATE, timer.getTimeDate().getTextContent().trim());
    }
    if (timer.getTimeCycle() != null) {
      return new TimerDefinition(
          TimerDefinition.Kind.CYCLE, timer.getTimeCycle().getTextContent().trim());
    }
    context.problem(describe(element) + " has a timer without duration, date or cycle");
    return null;
  }
}
