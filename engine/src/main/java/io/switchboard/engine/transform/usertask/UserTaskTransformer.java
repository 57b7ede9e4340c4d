package io.switchboard.engine.transform.usertask;

import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.usertask.UserTaskDefinitions;
import io.switchboard.engine.transform.activity.ActivityProperties;
import io.switchboard.engine.transform.element.ElementTransformer;
import io.switchboard.engine.transform.element.JobDefinitions;
import io.switchboard.engine.transform.element.TransformContext;

/**
 * User tasks: a Camunda user task ({@code zeebe:userTask}) the engine keeps itself, or else a
 * job-based one (job type {@code io.camunda.zeebe:userTask}, assignment, form and schedule handed
 * to the worker as headers, as in Zeebe).
 */
public final class UserTaskTransformer implements ElementTransformer<UserTask> {

  @Override
  public FlowNode.Builder transform(UserTask element, String scopeId, TransformContext context) {
    FlowNode.Builder node = FlowNode.builder(element.getId(), ElementType.USER_TASK, scopeId);
    if (UserTaskDefinitions.isCamundaUserTask(element)) {
      node.userTask = UserTaskDefinitions.read(element);
      JobDefinitions.headers(element, node);
      ActivityProperties.read(element, node, context);
      return node;
    }
    node.jobType = "io.camunda.zeebe:userTask";
    node.jobRetries = "1";
    ZeebeAssignmentDefinition assignment = extension(element, ZeebeAssignmentDefinition.class);
    if (assignment != null) {
      JobDefinitions.putHeader(node, "io.camunda.zeebe:assignee", assignment.getAssignee());
      JobDefinitions.putHeader(
          node, "io.camunda.zeebe:candidateGroups", assignment.getCandidateGroups());
      JobDefinitions.putHeader(
          node, "io.camunda.zeebe:candidateUsers", assignment.getCandidateUsers());
    }
    ZeebeFormDefinition form = extension(element, ZeebeFormDefinition.class);
    if (form != null) {
      JobDefinitions.putHeader(node, "io.camunda.zeebe:formKey", form.getFormKey());
    }
    ZeebeTaskSchedule schedule = extension(element, ZeebeTaskSchedule.class);
    if (schedule != null) {
      JobDefinitions.putHeader(node, "io.camunda.zeebe:dueDate", schedule.getDueDate());
      JobDefinitions.putHeader(node, "io.camunda.zeebe:followUpDate", schedule.getFollowUpDate());
    }
    JobDefinitions.headers(element, node);
    ActivityProperties.read(element, node, context);
    return node;
  }
}
