package io.switchboard.workflows.campaign;

/**
 * Ids of the fleet upgrade process (issue 16): the campaign's image checked first, then its waves
 * one after the other, the devices of a wave in groups of {@code maxParallel} (the devices of a
 * group in parallel) through {@code device-upgrade}, a budget check before each further group and
 * after each wave, soak and health gate after each wave and an optional approval between waves.
 */
public final class FleetUpgrade {
  public static final String PROCESS_ID = "fleet-upgrade";
  public static final String RESOURCE = "bpmn/fleet-upgrade.bpmn";

  /** Published (correlated by the campaign's operation id) after a pause or cancel changed. */
  public static final String MESSAGE_RESUMED = "campaign.resumed";

  public static final String JOB_VERIFY_IMAGE = "campaign.verify-image";
  public static final String JOB_LOAD_WAVES = "campaign.load-waves";
  public static final String JOB_WAVE_STARTED = "campaign.wave-started";
  public static final String JOB_RECORD_WAVE = "campaign.record-wave";
  public static final String JOB_HEALTH_GATE = "campaign.health-gate";
  public static final String JOB_FINISH = "campaign.finish";

  /** The approval between waves: a Camunda user task. */
  public static final String ELEMENT_APPROVAL = "approveWave";

  /**
   * The stops before a wave's next group when the failures of its groups so far already exceed the
   * wave's budget, or, with the earlier waves' failures, the campaign's: the rest of the wave would
   * not change the verdict, so its devices are not started.
   */
  public static final String ELEMENT_WAVE_OVER_BUDGET_SO_FAR = "waveOverBudgetSoFar";

  public static final String ELEMENT_CAMPAIGN_OVER_BUDGET_SO_FAR = "campaignOverBudgetSoFar";

  /** The wave's budget check after all its groups ran. */
  public static final String ELEMENT_WAVE_OVER_BUDGET = "waveOverBudget";

  public static final String ERROR_BAD_SIGNATURE = "BAD_SIGNATURE";
  public static final String ERROR_HEALTH_GATE_FAILED = "HEALTH_GATE_FAILED";

  /** Raised inside a wave to stop the campaign; caught on the waves. */
  public static final String ERROR_CAMPAIGN_STOPPED = "CAMPAIGN_STOPPED";

  /** Start variables (set by the API). */
  public static final String VAR_CAMPAIGN_ID = "campaignId";

  public static final String VAR_TARGET_VERSION = "targetSoftwareVersion";
  public static final String VAR_MAX_FAILURE_PERCENT = "maxFailurePercent";
  public static final String VAR_CAMPAIGN_MAX_FAILURE_PERCENT = "campaignMaxFailurePercent";

  /** ISO-8601 duration after each wave before its health gate; null for none. */
  public static final String VAR_SOAK_TIME = "soakTime";

  public static final String VAR_APPROVAL_REQUIRED = "approvalRequired";

  /** The user the approval task is assigned to; null leaves it unassigned. */
  public static final String VAR_APPROVER = "approver";

  /** ISO-8601 date-times with offset, or null: the maintenance window. */
  public static final String VAR_WINDOW_START = "windowStart";

  public static final String VAR_WINDOW_END = "windowEnd";

  /** Passed to every device's upgrade. */
  public static final String VAR_REBOOT_TIMEOUT = "rebootTimeout";

  /**
   * How many of a wave's devices upgrade at once: the wave starts them in groups of this size, one
   * group after the other, and the pause, cancel and window checks run before each group. Null
   * (instances started before it existed) starts the whole wave at once.
   */
  public static final String VAR_MAX_PARALLEL = "maxParallel";

  /** The API's {@link #VAR_MAX_PARALLEL} when a campaign names none. */
  public static final int DEFAULT_MAX_PARALLEL = 20;

  /**
   * Set by the API on the instance: takes effect before the next group of devices starts (devices
   * already started finish or roll back).
   */
  public static final String VAR_PAUSED = "paused";

  public static final String VAR_CANCEL_REQUESTED = "cancelRequested";
  public static final String VAR_CANCELLED_BY = "cancelledBy";

  /** Set by {@link #JOB_LOAD_WAVES}: a list of {@code {number, deviceIds}}, and their total. */
  public static final String VAR_WAVES = "waves";

  public static final String VAR_DEVICE_COUNT = "deviceCount";

  /** Per wave: {@code {number, size, failed, results: [{deviceId, result, message}]}}. */
  public static final String VAR_WAVE_SUMMARY = "waveSummary";

  /** The wave's device results, the input of {@link #JOB_RECORD_WAVE} and of the approval. */
  public static final String VAR_WAVE_RESULTS = "waveResults";

  public static final String VAR_WAVE_NUMBER = "waveNumber";
  public static final String VAR_DEVICE_IDS = "deviceIds";
  public static final String VAR_CAMPAIGN_FAILED = "campaignFailed";

  /** Local to each group of a wave: how many of the wave's devices failed in its earlier groups. */
  public static final String VAR_WAVE_FAILED_SO_FAR = "waveFailedSoFar";

  /** The approval task's answer: {@code approved} (boolean), who, and why. */
  public static final String VAR_APPROVED = "approved";

  public static final String VAR_APPROVED_BY = "approvedBy";
  public static final String VAR_APPROVAL_COMMENT = "approvalComment";

  /** Why the campaign stopped early, and how: {@link #STOP_FAILED} or {@link #STOP_CANCELLED}. */
  public static final String VAR_STOP_REASON = "stopReason";

  public static final String VAR_STOP_KIND = "stopKind";
  public static final String STOP_FAILED = "STOPPED";
  public static final String STOP_CANCELLED = "CANCELLED";

  /**
   * The correlation key of one device's upgrade inside a campaign: messages of device-upgrade
   * ({@code device.back-online}) correlate by {@code operationId}, which the call activity sets to
   * this, so each device's phone-home wakes only its own upgrade. The BPMN computes the same
   * string.
   */
  public static String deviceCorrelationKey(String campaignOperationId, String deviceId) {
    return campaignOperationId + ":" + deviceId;
  }

  private FleetUpgrade() {}
}
