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

  /**
   * Variables the process reads (its device jobs read theirs as {@link ZtpOnboardingVariables}).
   */
  public static final String VAR_SERIAL = "serialNumber";

  public static final String VAR_ACTIVATION_TIMEOUT = "activationTimeout";
  public static final String VAR_TARGET_VERSION = "targetSoftwareVersion";
  public static final String VAR_SOFTWARE_VERSION = "softwareVersion";
  public static final String VAR_FAILURE = "failureReason";

  /** The registered device's model name, set when onboarding starts. */
  public static final String VAR_DEVICE_MODEL = "deviceModel";

  /** What the device said about itself when it phoned home (the phone-home message's variables). */
  public static final String VAR_REPORTED_SERIAL = "reportedSerial";

  public static final String VAR_REPORTED_MODEL = "reportedModel";
  public static final String VAR_MANAGEMENT_ADDRESS = "managementAddress";
  public static final String VAR_NETCONF_PORT = "netconfPort";
  public static final String VAR_REPORTED_HOST_KEY = "reportedHostKeyFingerprint";

  /** The model the device names over NETCONF once connected. */
  public static final String VAR_PRODUCT_MODEL = "productModel";

  /** Minutes the stage-1 confirmed commit waits for its confirmation (default 10). */
  public static final String VAR_CONFIRM_TIMEOUT = "confirmTimeout";

  /** The interfaces the site configuration sets up, which must then be up. */
  public static final String VAR_EXPECTED_INTERFACES = "expectedInterfaces";

  public static final String DEFAULT_ACTIVATION_TIMEOUT = "P7D";

  private ZtpOnboarding() {}
}
