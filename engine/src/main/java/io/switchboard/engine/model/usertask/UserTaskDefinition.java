package io.switchboard.engine.model.usertask;

/**
 * What a Camunda user task ({@code zeebe:userTask}) declares, as the BPMN has it: every value is
 * either a static value or a FEEL expression ({@code =...}) evaluated when the task is created,
 * where Zeebe 8.8 allows one. Null means "not set".
 *
 * @param name the element's name, the task's name in Camunda
 * @param processName the name of the process the task belongs to
 * @param assignee {@code zeebe:assignmentDefinition assignee}
 * @param candidateGroups comma-separated list, or an expression giving a list
 * @param candidateUsers comma-separated list, or an expression giving a list
 * @param dueDate {@code zeebe:taskSchedule dueDate}: ISO-8601 date-time
 * @param followUpDate {@code zeebe:taskSchedule followUpDate}: ISO-8601 date-time
 * @param priority {@code zeebe:priorityDefinition priority}: 0..100, default 50
 * @param formKey {@code zeebe:formDefinition formKey} (a custom form key)
 * @param externalReference {@code zeebe:formDefinition externalReference}
 * @param formId {@code zeebe:formDefinition formId}: a linked form, the latest deployed version of
 *     the form with that id in the task's tenant (binding {@code latest})
 */
public record UserTaskDefinition(
    String name,
    String processName,
    String assignee,
    String candidateGroups,
    String candidateUsers,
    String dueDate,
    String followUpDate,
    String priority,
    String formKey,
    String externalReference,
    String formId) {}
