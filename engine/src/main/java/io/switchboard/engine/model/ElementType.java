package io.switchboard.engine.model;

/** BPMN element types the engine executes, named as the Camunda REST API names them. */
public enum ElementType {
  PROCESS,
  START_EVENT,
  END_EVENT,
  SERVICE_TASK,
  SEND_TASK,
  BUSINESS_RULE_TASK,
  SCRIPT_TASK,
  RECEIVE_TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  USER_TASK,
  CALL_ACTIVITY,
  INCLUSIVE_GATEWAY,
  EVENT_BASED_GATEWAY,
  /** A manual task: nothing for the engine to do, it passes through as in Zeebe. */
  MANUAL_TASK,
  /** An undefined task ({@code bpmn:task}): passes through as in Zeebe. */
  TASK,
  /** The wrapper of a multi-instance activity's inner instances. */
  MULTI_INSTANCE_BODY;

  /** Task types whose work is done by a job worker. */
  public boolean isJobWorkerTask() {
    return this == SERVICE_TASK
        || this == SEND_TASK
        || this == BUSINESS_RULE_TASK
        || this == SCRIPT_TASK
        || this == USER_TASK;
  }

  /** Elements that can carry boundary events. */
  public boolean isActivity() {
    return isJobWorkerTask()
        || this == RECEIVE_TASK
        || this == MANUAL_TASK
        || this == TASK
        || this == SUB_PROCESS
        || this == CALL_ACTIVITY;
  }
}
