package io.switchboard.workflows.firewall;

/**
 * Ids of the firewall-policy-deploy process (DESIGN.md §5.6, docs/firewall.md): render the change
 * per device, wait for the maintenance window, then devices in parallel batches (lock, load, commit
 * check, commit confirmed, verify, confirm; a refused or unverified device rolled back with its
 * message); past the failure threshold the devices already done get the previous version back.
 */
public final class FirewallDeploy {
  public static final String PROCESS_ID = "firewall-policy-deploy";
  public static final String RESOURCE = "bpmn/firewall-policy-deploy.bpmn";

  public static final String JOB_RENDER = "firewall.render";
  public static final String JOB_COMMIT_CONFIRMED = "firewall.commit-confirmed";
  public static final String JOB_VERIFY = "firewall.verify";
  public static final String JOB_CONFIRM = "firewall.confirm";
  public static final String JOB_ROLL_BACK = "firewall.roll-back";
  public static final String JOB_RECORD_FAILURE = "firewall.record-failure";
  public static final String JOB_CHECK_THRESHOLD = "firewall.check-threshold";
  public static final String JOB_RESTORE_PREVIOUS = "firewall.restore-previous";
  public static final String JOB_COMPLETE = "firewall.complete";
  public static final String JOB_FAIL = "firewall.fail";

  /** A batch that would start after the window's end: its devices are SKIPPED, none changed. */
  public static final String JOB_SKIP_BATCH = "firewall.skip-batch";

  /** The failure header of the fail task reached when the window closed before every batch. */
  public static final String FAILURE_WINDOW_CLOSED = "WINDOW_CLOSED";

  /** The device refused the change (load, commit check, commit, confirm): its message. */
  public static final String ERROR_DEVICE_REFUSED = "FW_DEVICE_REFUSED";

  /** The committed rules are not in order, or a probe flow got another verdict. */
  public static final String ERROR_VERIFY_FAILED = "FW_VERIFY_FAILED";

  /** The confirm came after the confirm timeout: the device has rolled back by itself. */
  public static final String ERROR_CONFIRM_EXPIRED = "FW_CONFIRM_EXPIRED";

  /** The policy deployed (set by the API). */
  public static final String VAR_POLICY_ID = "policyId";

  /** The version number deployed (set by the API). */
  public static final String VAR_VERSION = "version";

  /** Devices changed at once, default {@value #DEFAULT_BATCH_SIZE}. */
  public static final String VAR_BATCH_SIZE = "batchSize";

  public static final int DEFAULT_BATCH_SIZE = 20;

  /** Percent of failed devices past which (exceeded, not equalled) the deployment compensates. */
  public static final String VAR_FAILURE_THRESHOLD = "failureThresholdPercent";

  public static final int DEFAULT_FAILURE_THRESHOLD = 20;

  /** Maintenance window (ISO-8601 instants); the devices start once it opens. */
  public static final String VAR_WINDOW_START = "windowStart";

  public static final String VAR_WINDOW_END = "windowEnd";

  /** Set by the render step: lists of deployment row ids, one list per batch. */
  public static final String VAR_BATCHES = "batches";

  /** One device's deployment row, inside the device loop. */
  public static final String VAR_DEPLOYMENT_ID = "deploymentId";

  /** When the pending confirmed commit rolls back by itself (ISO-8601), set by the commit step. */
  public static final String VAR_CONFIRM_BY = "confirmBy";

  /** True once a batch found the maintenance window closed: no further batch runs. */
  public static final String VAR_WINDOW_CLOSED = "windowClosed";

  /** True once failed devices pass the threshold: no further batch runs. */
  public static final String VAR_ABORT = "abort";

  private FirewallDeploy() {}
}
