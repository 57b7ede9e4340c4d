package io.switchboard.workflows.upgrade;

/** Ids of the one-device software upgrade process (DESIGN.md §5.2). */
public final class DeviceUpgrade {
  public static final String PROCESS_ID = "device-upgrade";
  public static final String RESOURCE = "bpmn/device-upgrade.bpmn";

  /** Published when a rebooted device phones home again. */
  public static final String MESSAGE_BACK_ONLINE = "device.back-online";

  public static final String JOB_PRECHECK = "device.precheck";
  public static final String JOB_VERIFY_SIGNATURE = "image.verify-signature";
  public static final String JOB_INSTALL_PACKAGE = "device.install-package";
  public static final String JOB_REBOOT = "device.reboot";
  public static final String JOB_POSTCHECK = "device.postcheck";
  public static final String JOB_ROLLBACK_IMAGE = "device.rollback-image";

  public static final String ERROR_PRECHECK_FAILED = "PRECHECK_FAILED";
  public static final String ERROR_BAD_SIGNATURE = "BAD_SIGNATURE";
  public static final String ERROR_INSTALL_FAILED = "INSTALL_FAILED";
  public static final String ERROR_POSTCHECK_FAILED = "POSTCHECK_FAILED";

  /** Thrown to the caller when the upgrade did not happen (after rollback where needed). */
  public static final String ERROR_UPGRADE_FAILED = "UPGRADE_FAILED";

  /** Variables (its jobs read theirs as {@link DeviceUpgradeVariables}). */
  public static final String VAR_TARGET_VERSION = "targetSoftwareVersion";

  /** What the device ran before, and its lifecycle state to return to afterwards. */
  public static final String VAR_PREVIOUS_SOFTWARE_VERSION = "previousSoftwareVersion";

  public static final String VAR_PREVIOUS_LIFECYCLE = "previousLifecycle";

  /** The version the device runs after the post-checks. */
  public static final String VAR_SOFTWARE_VERSION = "softwareVersion";

  /** {@value #RESULT_UPGRADED} or {@value #RESULT_FAILED}, set by the process's end paths. */
  public static final String VAR_UPGRADE_RESULT = "upgradeResult";

  public static final String RESULT_UPGRADED = "UPGRADED";
  public static final String RESULT_FAILED = "FAILED";

  /** One sentence on what failed, with the device's own message. */
  public static final String VAR_FAILURE = "failureReason";

  public static final String VAR_REBOOT_TIMEOUT = "rebootTimeout";
  public static final String DEFAULT_REBOOT_TIMEOUT = "PT15M";

  private DeviceUpgrade() {}
}
