package io.switchboard.engine.model.validation;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Where this engine runs execution listeners: on tasks that are not multi-instance. Everywhere else
 * (processes, subprocesses, call activities, events, gateways, multi-instance activities) they are
 * refused, naming why.
 */
final class ListenerPlaces {
  private static final Set<String> RUN_ON =
      Set.of(
          "serviceTask",
          "sendTask",
          "scriptTask",
          "businessRuleTask",
          "userTask",
          "receiveTask",
          "manualTask",
          "task",
          "subProcess",
          "callActivity");

  private ListenerPlaces() {}

  /** Why listeners under {@code extensionElements} are not run, or null when they are. */
  static String refusal(ModelElementInstance extensionElements) {
    ModelElementInstance owner =
        extensionElements == null ? null : extensionElements.getParentElement();
    if (owner == null || !RUN_ON.contains(owner.getElementType().getTypeName())) {
      return "execution listeners run on tasks, embedded subprocesses and call activities only";
    }
    if (owner instanceof SubProcess sub && sub.triggeredByEvent()) {
      return "execution listeners are not run on event subprocesses";
    }
    if (owner instanceof Activity activity && activity.getLoopCharacteristics() != null) {
      return "execution listeners are not run on multi-instance activities";
    }
    return null;
  }
}
