package io.switchboard.engine.model.usertask;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BpmnModelElementInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;

/** Reads a {@link UserTaskDefinition} from a BPMN user task's Zeebe extension elements. */
public final class UserTaskDefinitions {
  private UserTaskDefinitions() {}

  /** Whether the user task is a Camunda user task (not a job-based one). */
  public static boolean isCamundaUserTask(BaseElement element) {
    return extension(element, ZeebeUserTask.class) != null;
  }

  public static UserTaskDefinition read(BaseElement element) {
    ZeebeAssignmentDefinition assignment = extension(element, ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = extension(element, ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority = extension(element, ZeebePriorityDefinition.class);
    ZeebeFormDefinition form = extension(element, ZeebeFormDefinition.class);
    return new UserTaskDefinition(
        blankToNull(element.getAttributeValue("name")),
        processName(element),
        assignment == null ? null : blankToNull(assignment.getAssignee()),
        assignment == null ? null : blankToNull(assignment.getCandidateGroups()),
        assignment == null ? null : blankToNull(assignment.getCandidateUsers()),
        schedule == null ? null : blankToNull(schedule.getDueDate()),
        schedule == null ? null : blankToNull(schedule.getFollowUpDate()),
        priority == null ? null : blankToNull(priority.getPriority()),
        form == null ? null : blankToNull(form.getFormKey()),
        form == null ? null : blankToNull(form.getExternalReference()),
        form == null ? null : blankToNull(form.getFormId()));
  }

  private static String processName(BaseElement element) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof io.camunda.zeebe.model.bpmn.instance.Process)) {
      parent = parent.getParentElement();
    }
    return parent == null ? null : blankToNull(parent.getAttributeValue("name"));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static <T extends BpmnModelElementInstance> T extension(
      BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list().stream()
        .findFirst()
        .orElse(null);
  }
}
