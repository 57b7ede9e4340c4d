package io.switchboard.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLinkedResources;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePublishMessage;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.switchboard.engine.model.usertask.UserTaskDefinitions;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Finds the Zeebe extension elements and attributes this engine does not execute, so that a
 * deployment using them is refused instead of running without them (DESIGN.md §3, "nothing accepted
 * and ignored"). Element families the engine does not execute at all are refused by the
 * transformer; this class covers what may hang off any element.
 */
public final class UnexecutedExtensions {
  private UnexecutedExtensions() {}

  /** One sentence per unexecuted extension, naming element id, type and the attribute. */
  public static List<String> problems(BpmnModelInstance instance) {
    List<String> problems = new ArrayList<>();
    for (ZeebeExecutionListeners listeners :
        instance.getModelElementsByType(ZeebeExecutionListeners.class)) {
      String refusal = ListenerPlaces.refusal(listeners);
      if (refusal != null) {
        problems.add(
            unsupported(listeners.getParentElement(), "zeebe:executionListeners", refusal));
      }
    }
    for (ZeebeTaskListeners listeners : instance.getModelElementsByType(ZeebeTaskListeners.class)) {
      problems.add(
          unsupported(
              listeners.getParentElement(), "zeebe:taskListeners", "task listeners are not run"));
    }
    for (ZeebeLinkedResources resources :
        instance.getModelElementsByType(ZeebeLinkedResources.class)) {
      problems.add(
          unsupported(
              resources.getParentElement(),
              "zeebe:linkedResources",
              "linked resources are not handed to jobs"));
    }
    for (ZeebePublishMessage publish : instance.getModelElementsByType(ZeebePublishMessage.class)) {
      problems.add(
          unsupported(
              publish.getParentElement(), "zeebe:publishMessage", "use a job-based message event"));
    }
    for (ZeebeFormDefinition form : instance.getModelElementsByType(ZeebeFormDefinition.class)) {
      problems.addAll(formProblems(form));
    }
    return problems;
  }

  /**
   * A user task's {@code formKey} and {@code externalReference} are executed (handed to the task or
   * its job), and so is a Camunda user task's linked form ({@code formId}, binding {@code latest});
   * a linked form on a job-based user task, other bindings, and a form on any other element (a
   * start form, served by Tasklist, which the engine does not have) are not.
   */
  private static List<String> formProblems(ZeebeFormDefinition form) {
    List<String> problems = new ArrayList<>();
    ModelElementInstance owner = ownerOf(form);
    if (!(owner instanceof UserTask)) {
      problems.add(unsupported(owner, "zeebe:formDefinition", "forms outside user tasks"));
      return problems;
    }
    if (form.getFormId() != null
        && !form.getFormId().isBlank()
        && !UserTaskDefinitions.isCamundaUserTask((UserTask) owner)) {
      problems.add(
          unsupported(
              owner,
              "zeebe:formDefinition formId",
              "linked forms on job-based user tasks; use zeebe:userTask or formKey"));
    }
    if (form.getVersionTag() != null && !form.getVersionTag().isBlank()) {
      problems.add(unsupported(owner, "zeebe:formDefinition versionTag", "form binding"));
    }
    if (form.getBindingType() != null && form.getBindingType() != ZeebeBindingType.latest) {
      problems.add(unsupported(owner, "zeebe:formDefinition bindingType", "form binding"));
    }
    return problems;
  }

  /** The element an extension element belongs to (its extensionElements' parent). */
  private static ModelElementInstance ownerOf(ModelElementInstance extension) {
    ModelElementInstance parent = extension.getParentElement();
    return parent != null && parent.getParentElement() != null ? parent.getParentElement() : parent;
  }

  private static String unsupported(ModelElementInstance at, String attribute, String detail) {
    ModelElementInstance owner =
        at != null && "extensionElements".equals(at.getElementType().getTypeName())
            ? at.getParentElement()
            : at;
    return Elements.describe(owner)
        + ": attribute "
        + attribute
        + " is not supported by this engine ("
        + detail
        + ")";
  }
}
