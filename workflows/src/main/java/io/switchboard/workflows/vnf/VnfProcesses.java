package io.switchboard.workflows.vnf;

import java.util.Set;

/**
 * The contract of the VNF lifecycle processes (docs/vnf.md): process ids, job types, the error code
 * a failed step throws, and variable names.
 */
public final class VnfProcesses {
  public static final String INSTANTIATION = "vnf-instantiation";
  public static final String TERMINATION = "vnf-termination";

  /**
   * Heal (SOL003 HealVnf): re-create what is missing, restart, wait for the boot, health check. A
   * failed step waits as an incident (FAILED_TEMP) for retry, rollback or fail.
   */
  public static final String HEAL = "vnf-heal";

  /**
   * The elements of {@link #HEAL}'s forward path (BPMN element ids): a {@link
   * #VAR_ROLLBACK_REQUESTED} makes the step there throw into the undo path. An incident anywhere
   * else is on the undo path (or its recording) already, where nothing reads that variable.
   */
  public static final Set<String> HEAL_FORWARD_STEPS =
      Set.of("restore", "restart", "waitBoot", "healthCheck", "confirm");

  /** Checks package (ONBOARDED) and flavour, and that the device is a uCPE. */
  public static final String JOB_VALIDATE = "vnf.validate";

  /** Holds the flavour's vCPUs, memory and hugepages on the device (refused when short). */
  public static final String JOB_RESERVE_RESOURCES = "vnf.reserve-resources";

  /** Compensation of {@link #JOB_RESERVE_RESOURCES}; also the last step of termination. */
  public static final String JOB_RELEASE_RESOURCES = "vnf.release-resources";

  /** Copies the package's image to the device, SHA-256 checked. */
  public static final String JOB_TRANSFER_IMAGE = "vnf.transfer-image";

  /** Compensation of {@link #JOB_TRANSFER_IMAGE}: removes the image file from the device. */
  public static final String JOB_DELETE_IMAGE = "vnf.delete-image";

  /** Configures the VNF, its VLANs and the service chain, with commit confirmed. */
  public static final String JOB_CONFIGURE = "vnf.configure";

  /** Removes what {@link #JOB_CONFIGURE} added (compensation, and termination). */
  public static final String JOB_UNCONFIGURE = "vnf.unconfigure";

  /**
   * Heal: copies the image again when it is missing or differs, and commits the VNF's configuration
   * again when part of it is missing.
   */
  public static final String JOB_RESTORE = "vnf.restore";

  /**
   * Heal, on a failure after {@link #JOB_RESTORE} committed: removes exactly the statements that
   * commit added ({@link #VAR_HEAL_COMMITTED_LINES}), which also ends its pending confirmation.
   */
  public static final String JOB_UNDO_RESTORE = "vnf.undo-restore";

  /** Heal: restarts the VNF on the uCPE ({@code request virtual-network-functions restart}). */
  public static final String JOB_RESTART = "vnf.restart";

  /** Polls the device's VNF state until Running, within a timeout. */
  public static final String JOB_WAIT_BOOT = "vnf.wait-boot";

  /** Checks the VNF's interfaces are up on the service chain. */
  public static final String JOB_HEALTH_CHECK = "vnf.health-check";

  /**
   * Confirms the pending confirmed commit and records the VNF's configuration as the uCPE's
   * intended configuration (its part {@code vnf-<instance id>}).
   */
  public static final String JOB_CONFIRM = "vnf.confirm";

  /** Records the occurrence's final state (and the instance's), from {@link #VAR_LCM_OUTCOME}. */
  public static final String JOB_RECORD_OUTCOME = "vnf.record-outcome";

  /** The BPMN error every failed step throws; the message carries the device's own message. */
  public static final String ERROR_STEP_FAILED = "VNF_STEP_FAILED";

  public static final String VAR_VNF_INSTANCE_ID = "vnfInstanceId";
  public static final String VAR_LCM_OP_OCC_ID = "vnfLcmOpOccId";

  /** Set by the rollback endpoint: the failing step throws {@link #ERROR_STEP_FAILED} instead. */
  public static final String VAR_ROLLBACK_REQUESTED = "rollbackRequested";

  /**
   * Set with {@link #VAR_ROLLBACK_REQUESTED} by the fail endpoint on a heal: the heal ends as a
   * rollback would (a commit of its own still unconfirmed is removed at once, not left to the
   * device's rollback timer) and {@link #JOB_RECORD_OUTCOME} records FAILED instead of ROLLED_BACK.
   */
  public static final String VAR_FAIL_REQUESTED = "failRequested";

  /** How long {@link #JOB_WAIT_BOOT} waits for Running (ISO-8601 duration, default PT2M). */
  public static final String VAR_BOOT_TIMEOUT = "bootTimeout";

  /** Why a heal was asked for (SOL003 {@code cause}), free text shown with the operation. */
  public static final String VAR_HEAL_CAUSE = "healCause";

  /**
   * Output of {@link #JOB_RESTORE}: the {@code set} statements its confirmed commit added (empty
   * when nothing was missing), what {@link #JOB_UNDO_RESTORE} removes. The VNF's own statements
   * only: no secret is among them.
   */
  public static final String VAR_HEAL_COMMITTED_LINES = "healCommittedLines";

  /** Input of {@link #JOB_RECORD_OUTCOME}: COMPLETED or ROLLED_BACK. */
  public static final String VAR_LCM_OUTCOME = "lcmOutcome";

  private VnfProcesses() {}
}
