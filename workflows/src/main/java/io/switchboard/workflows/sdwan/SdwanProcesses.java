package io.switchboard.workflows.sdwan;

/** Process ids and the variables of the SD-WAN processes that the API starts (docs/sdwan.md). */
public final class SdwanProcesses {
  public static final String ROLLOUT = "sdwan-rollout";
  public static final String SITE_JOIN = "sdwan-site-join";
  public static final String SITE_LEAVE = "sdwan-site-leave";

  /** The overlay a process works on. */
  public static final String VAR_OVERLAY_ID = "overlayId";

  /** The site a join or leave is about. */
  public static final String VAR_SITE_ID = "siteId";

  /** Spokes configured at once (multi-instance batch), default {@value #DEFAULT_BATCH_SIZE}. */
  public static final String VAR_BATCH_SIZE = "batchSize";

  public static final int DEFAULT_BATCH_SIZE = 10;

  /** Percent of failed spokes past which the rollout aborts and compensates (default 20). */
  public static final String VAR_FAILURE_THRESHOLD = "failureThresholdPercent";

  public static final int DEFAULT_FAILURE_THRESHOLD = 20;

  private SdwanProcesses() {}
}
