package io.switchboard.workflows.compliance;

/**
 * Ids of the configuration compliance processes (DESIGN.md §5.7): {@code config-compliance} checks
 * devices (on its timer, or on demand for a device or a tenant), {@code config-reconcile} repairs
 * one device (REVERT or ADOPT).
 */
public final class ConfigCompliance {
  public static final String PROCESS_ID = "config-compliance";
  public static final String RESOURCE = "bpmn/config-compliance.bpmn";

  public static final String RECONCILE_PROCESS_ID = "config-reconcile";
  public static final String RECONCILE_RESOURCE = "bpmn/config-reconcile.bpmn";

  /** The timer start event; its cycle is set at deployment ({@link ComplianceSchedule}). */
  public static final String TIMER_START_ID = "scheduledCheck";

  /** The cycle the BPMN file carries, used when no interval is configured. */
  public static final String DEFAULT_INTERVAL = "PT15M";

  public static final String JOB_SELECT_DEVICES = "compliance.select-devices";
  public static final String JOB_CHECK_DEVICE = "compliance.check-device";
  public static final String JOB_RECORD_UNREACHABLE = "compliance.record-unreachable";
  public static final String JOB_PUSH_INTENDED = "compliance.push-intended";
  public static final String JOB_VERIFY_INTENDED = "compliance.verify-intended";
  public static final String JOB_CONFIRM_REVERT = "compliance.confirm-revert";
  public static final String JOB_ROLLBACK_REVERT = "compliance.rollback-revert";
  public static final String JOB_ADOPT = "compliance.adopt";

  /** The device could not be read (connection refused, timeout, dropped session). */
  public static final String ERROR_DEVICE_UNREACHABLE = "DEVICE_UNREACHABLE";

  /** The device refused the revert (its rpc-error in {@code failureReason}). */
  public static final String ERROR_COMMIT_FAILED = "COMMIT_FAILED";

  /** After the revert's confirmed commit the device still differs from the intent. */
  public static final String ERROR_NOT_IN_SYNC = "NOT_IN_SYNC";

  /** The devices to check (inventory ids), chosen by {@link #JOB_SELECT_DEVICES}. */
  public static final String VAR_DEVICE_IDS = "deviceIds";

  /** One device of the check's multi-instance, and the device a reconcile works on. */
  public static final String VAR_DEVICE_ID = "deviceId";

  /** {@code IN_SYNC | OUT_OF_SYNC | UNREACHABLE}: what a device's check recorded. */
  public static final String VAR_COMPLIANCE_STATUS = "complianceStatus";

  /** Why a device could not be read (the driver's sentence), local to its check. */
  public static final String VAR_UNREACHABLE_REASON = "unreachableReason";

  /** Every device's status, collected by the multi-instance. */
  public static final String VAR_RESULTS = "complianceResults";

  /** {@code REVERT} or {@code ADOPT}. */
  public static final String VAR_MODE = "mode";

  public static final String MODE_REVERT = "REVERT";
  public static final String MODE_ADOPT = "ADOPT";

  /** The revert's confirmed-commit timeout in minutes (default 10, Junos' default). */
  public static final String VAR_CONFIRM_TIMEOUT = "confirmTimeout";

  private ConfigCompliance() {}
}
