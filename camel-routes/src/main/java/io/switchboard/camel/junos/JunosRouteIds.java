package io.switchboard.camel.junos;

/**
 * Route ids and {@code direct:} endpoints of the Junos driver. Every route addresses its device by
 * header {@link io.switchboard.camel.netconf.NetconfConstants#DEVICE_ID}, takes the typed request
 * named below as its body and answers with the typed result. Header {@link
 * io.switchboard.camel.netconf.NetconfConstants#RPC_TIMEOUT} sets a reply timeout per call; other
 * {@code SwitchboardNetconf*} headers from the caller are removed so they cannot change the RPC.
 */
public final class JunosRouteIds {

  /** Body ignored; answers {@link SoftwareInformation}. */
  public static final String GET_SOFTWARE_INFORMATION = "junos-get-software-information";

  /** Body ignored; answers {@link ChassisInventory} (the serial number the device reports). */
  public static final String GET_CHASSIS_INVENTORY = "junos-get-chassis-inventory";

  /** Body ignored; answers {@code List<CommitHistoryEntry>}, newest first. */
  public static final String GET_COMMIT_INFORMATION = "junos-get-commit-information";

  /** Body {@link LoadConfiguration}; answers {@link LoadResult}. */
  public static final String LOAD_CONFIGURATION = "junos-load-configuration";

  /** Body {@link CommitConfiguration}; answers {@link CommitResult}. */
  public static final String COMMIT_CONFIGURATION = "junos-commit-configuration";

  /**
   * Body {@link ConfigurationPush}: lock, load, commit, unlock; discards and unlocks on failure.
   */
  public static final String PUSH_CONFIGURATION = "junos-push-configuration";

  /**
   * Body {@link ConfigurationPush}: lock, load, {@code commit check}, then the push's commit,
   * unlock; discards and unlocks on failure, so a change the device refuses at the check is never
   * committed (not even confirmed) and leaves the candidate clean.
   */
  public static final String CHECKED_PUSH_CONFIGURATION = "junos-checked-push-configuration";

  /**
   * Body {@link Rollback}: loads an earlier commit and commits it; answers {@link CommitResult}.
   */
  public static final String ROLLBACK = "junos-rollback";

  /**
   * Body {@link InterfaceQuery} (or none for all, terse); answers {@code List<InterfaceStatus>}.
   */
  public static final String GET_INTERFACE_INFORMATION = "junos-get-interface-information";

  /**
   * Body {@link PackageAdd}; answers {@link PackageResult}, fails with {@link
   * JunosOperationException}.
   */
  public static final String REQUEST_PACKAGE_ADD = "junos-request-package-add";

  /**
   * Body ignored; stages the previous image for the next reboot and answers {@link PackageResult}
   * (non-zero when there is nothing to go back to, which the caller may accept).
   */
  public static final String REQUEST_PACKAGE_ROLLBACK = "junos-request-package-rollback";

  /**
   * Body {@link LoadConfiguration}: lock, load, {@code show | compare}, discard, unlock (discard
   * and unlock also when the load fails, whose error goes back to the caller); answers {@link
   * ConfigurationPreview}; leaves no change.
   */
  public static final String PREVIEW_CONFIGURATION = "junos-preview-configuration";

  /** Body ignored; answers {@link RebootStatus}. */
  public static final String REQUEST_REBOOT = "junos-request-reboot";

  /**
   * The route configuration every Junos route uses ({@link JunosErrorHandling}): failures reach the
   * caller as the typed exception the component or the reply reader raised, once.
   */
  public static final String ERROR_HANDLING = "junos-error-handling";

  public static final String GET_SOFTWARE_INFORMATION_URI = "direct:" + GET_SOFTWARE_INFORMATION;
  public static final String GET_CHASSIS_INVENTORY_URI = "direct:" + GET_CHASSIS_INVENTORY;
  public static final String GET_COMMIT_INFORMATION_URI = "direct:" + GET_COMMIT_INFORMATION;
  public static final String LOAD_CONFIGURATION_URI = "direct:" + LOAD_CONFIGURATION;
  public static final String COMMIT_CONFIGURATION_URI = "direct:" + COMMIT_CONFIGURATION;
  public static final String PUSH_CONFIGURATION_URI = "direct:" + PUSH_CONFIGURATION;
  public static final String CHECKED_PUSH_CONFIGURATION_URI =
      "direct:" + CHECKED_PUSH_CONFIGURATION;
  public static final String ROLLBACK_URI = "direct:" + ROLLBACK;
  public static final String GET_INTERFACE_INFORMATION_URI = "direct:" + GET_INTERFACE_INFORMATION;
  public static final String REQUEST_PACKAGE_ADD_URI = "direct:" + REQUEST_PACKAGE_ADD;
  public static final String REQUEST_PACKAGE_ROLLBACK_URI = "direct:" + REQUEST_PACKAGE_ROLLBACK;
  public static final String REQUEST_REBOOT_URI = "direct:" + REQUEST_REBOOT;
  public static final String PREVIEW_CONFIGURATION_URI = "direct:" + PREVIEW_CONFIGURATION;

  /** Internal: lock, load, commit, unlock; shared by push and rollback. */
  static final String LOCKED_CHANGE = "junos-locked-change";

  static final String LOCKED_CHANGE_URI = "direct:" + LOCKED_CHANGE;

  /** Where the Junos routes send RPCs: the device comes from the header. */
  static final String NETCONF_RPC = "netconf:device?operation=rpc";

  static final String NETCONF_LOCK = "netconf:device?operation=lock&target=candidate";
  static final String NETCONF_UNLOCK = "netconf:device?operation=unlock&target=candidate";
  static final String NETCONF_DISCARD = "netconf:device?operation=discard-changes";

  private JunosRouteIds() {}
}
