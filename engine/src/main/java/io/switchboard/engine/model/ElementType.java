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
  SUB_PROCESS;

  /** Task types whose work is done by a job worker. */
  public boolean isJobWorkerTask() {
    return this == SERVICE_TASK || this == SEND_TASK || this == BUSINESS_RULE_TASK || this == SCRIPT_TASK;
  }

  /** Elements that can carry boundary events. */
  public boolean isActivity() {
    return isJobWorkerTask() || this == RECEIVE_TASK || this == SUB_PROCESS;
  }
}
