package io.switchboard.workflows.sdwan;

/**
 * Ids of the SD-WAN rollout process (DESIGN.md §5.4, docs/sdwan.md): plan and persist allocations,
 * configure the hubs, the spokes in parallel batches (commit confirmed), verify every tunnel from
 * both ends, confirm, overlay ACTIVE; past the failure threshold every configured site is undone.
 * Site join and leave reuse these job types.
 */
public final class SdwanRollout {
  public static final String PROCESS_ID = SdwanProcesses.ROLLOUT;
  public static final String RESOURCE = "bpmn/sdwan-rollout.bpmn";

  public static final String JOB_PLAN = "sdwan.plan";
  public static final String JOB_CONFIGURE_SITE = "sdwan.configure-site";
  public static final String JOB_RECORD_SITE_FAILURE = "sdwan.record-site-failure";
  public static final String JOB_CHECK_FAILURES = "sdwan.check-failures";
  public static final String JOB_VERIFY_TUNNELS = "sdwan.verify-tunnels";
  public static final String JOB_CONFIRM_SITES = "sdwan.confirm-sites";
  public static final String JOB_UNDO_SITES = "sdwan.undo-sites";
  public static final String JOB_ACTIVATE = "sdwan.activate";
  public static final String JOB_FAIL = "sdwan.fail";

  /**
   * A failed join or leave, after the undo: the member fails, the overlay stays ACTIVE (DEGRADED
   * while a member that kept tunnels to a departed site is FAILED).
   */
  public static final String JOB_FAIL_MEMBER = "sdwan.fail-member";

  /**
   * End of ZTP onboarding: the overlays the onboarded site joins (docs/sdwan.md); sets {@link
   * #VAR_OVERLAY_IDS_TO_JOIN} and {@code siteId} for the join call activity.
   */
  public static final String JOB_OVERLAYS_TO_JOIN = "sdwan.overlays-to-join";

  /** The overlay ids ZTP onboarding joins the site to, one sdwan-site-join each, in order. */
  public static final String VAR_OVERLAY_IDS_TO_JOIN = "overlayIdsToJoin";

  /** Site leave: the whole overlay configuration off the leaving site, then the member LEFT. */
  public static final String JOB_REMOVE_SITE = "sdwan.remove-site";

  /** One site into an ACTIVE overlay: the rollout's flow, touching only that site and its hubs. */
  public static final String JOIN_RESOURCE = "bpmn/sdwan-site-join.bpmn";

  public static final String LEAVE_RESOURCE = "bpmn/sdwan-site-leave.bpmn";

  /** The overlay cannot be planned (pool exhausted, no common label, too many tunnels). */
  public static final String ERROR_PLAN_FAILED = "PLAN_FAILED";

  /** A device refused its configuration (the device's message in failureReason). */
  public static final String ERROR_SITE_FAILED = "SITE_FAILED";

  /** Tunnels did not come up from both ends in time. */
  public static final String ERROR_TUNNELS_DOWN = "TUNNELS_DOWN";

  /** Hubs to configure (list of site ids), set by the plan step. */
  public static final String VAR_HUB_SITE_IDS = "hubSiteIds";

  /** Spokes to configure, a list of batches (lists of site ids), set by the plan step. */
  public static final String VAR_SPOKE_BATCHES = "spokeBatches";

  /** One batch, inside the batch loop. */
  public static final String VAR_BATCH = "batch";

  /** True once failed spokes pass the threshold: no further batch runs, everything is undone. */
  public static final String VAR_ABORT = "abort";

  private SdwanRollout() {}
}
