package io.switchboard.workflows.observability;

/**
 * The MDC keys every worker, route and process-related request writes (docs/production.md), shared
 * by the API and the workers so a log search uses one name for one thing.
 */
public final class LogFields {
  /** The tenant the work is for. */
  public static final String TENANT = "tenantId";

  /** The Switchboard operation (the {@code operationId} process variable). */
  public static final String OPERATION = "operationId";

  /** The process instance the job belongs to (the key Operate shows). */
  public static final String PROCESS_INSTANCE = "processInstanceKey";

  /** The device's serial number. */
  public static final String DEVICE_SERIAL = "deviceSerial";

  /** The job's type, on worker lines (not named JOB_*: those are the contract's job types). */
  public static final String WORKER_JOB = "jobType";

  /** Every key above, for copying and clearing. */
  public static final String[] ALL = {
    TENANT, OPERATION, PROCESS_INSTANCE, DEVICE_SERIAL, WORKER_JOB
  };

  private LogFields() {}
}
