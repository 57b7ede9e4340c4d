package io.switchboard.workflows.ztp;

/**
 * Ids of the zero-touch onboarding process (DESIGN.md §5.1), shared by the BPMN, the workers and
 * the tests.
 */
public final class ZtpOnboarding {
  public static final String PROCESS_ID = "ztp-onboarding";
  public static final String RESOURCE = "bpmn/ztp-onboarding.bpmn";

  /** Published by the phone-home endpoint when the device asks for its bootstrap data. */
  public static final String MESSAGE_PHONE_HOME = "device.phone-home";

  public static final String JOB_MARK_ONBOARDING = "inventory.mark-onboarding";
  public static final String JOB_VALIDATE_DEVICE = "device.validate";
  public static final String JOB_CONNECT = "device.connect";
  public static final String JOB_PUSH_STAGE1 = "device.push-config";
  public static final String JOB_CONFIRM_COMMIT = "device.confirm-commit";
  public static final String JOB_ROLLBACK_CONFIG = "device.rollback-config";
  public static final String JOB_APPLY_SITE_CONFIG = "device.apply-site-config";
  public static final String JOB_VERIFY_INTERFACES = "device.verify-interfaces";
  public static final String JOB_MARK_ACTIVE = "inventory.mark-active";
  public static final String JOB_FAIL_OPERATION = "operation.fail";

  public static final String ERROR_DEVICE_REJECTED = "DEVICE_REJECTED";
  public static final String ERROR_COMMIT_FAILED = "COMMIT_FAILED";
  public static final String ERROR_UPGRADE_FAILED = "UPGRADE_FAILED";

  /** Variables the process reads. */
  public static final String VAR_SERIAL = "serialNumber";

  public static final String VAR_ACTIVATION_TIMEOUT = "activationTimeout";
  public static final String VAR_TARGET_VERSION = "targetSoftwareVersion";
  public static final String VAR_SOFTWARE_VERSION = "softwareVersion";
  public static final String VAR_FAILURE = "failureReason";

  public static final String DEFAULT_ACTIVATION_TIMEOUT = "P7D";

  private ZtpOnboarding() {}
}
