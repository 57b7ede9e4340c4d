package io.switchboard.camel.netconf;

/** Message headers read and written by the {@code netconf:} component. */
public final class NetconfConstants {

  /** In: device id resolved through the {@link DeviceConnectionResolver}; out: the device used. */
  public static final String DEVICE_ID = "SwitchboardNetconfDeviceId";

  /** In: overrides the endpoint's {@code operation}. */
  public static final String OPERATION = "SwitchboardNetconfOperation";

  /**
   * In: datastore for edit-config, lock, unlock ({@code candidate}, {@code running}, {@code
   * startup}).
   */
  public static final String TARGET = "SwitchboardNetconfTarget";

  /** In: datastore for get-config and validate. */
  public static final String SOURCE = "SwitchboardNetconfSource";

  /** In: subtree filter for get and get-config (XML). */
  public static final String FILTER = "SwitchboardNetconfFilter";

  /** In: edit-config default-operation ({@code merge}, {@code replace}, {@code none}). */
  public static final String DEFAULT_OPERATION = "SwitchboardNetconfDefaultOperation";

  /**
   * In: edit-config operation put on each top-level element of the body ({@code merge}, {@code
   * replace}, {@code create}, {@code delete}, {@code remove}).
   */
  public static final String EDIT_OPERATION = "SwitchboardNetconfEditOperation";

  /** In: commit as a confirmed commit (Boolean). */
  public static final String CONFIRMED = "SwitchboardNetconfConfirmed";

  /** In: confirmed-commit timeout in seconds (Integer). */
  public static final String CONFIRM_TIMEOUT = "SwitchboardNetconfConfirmTimeout";

  /** In: persist token for a confirmed commit that must survive the session. */
  public static final String PERSIST = "SwitchboardNetconfPersist";

  /** In: persist-id naming the confirmed commit a commit confirms or cancel-commit cancels. */
  public static final String PERSIST_ID = "SwitchboardNetconfPersistId";

  /** In: reply timeout in milliseconds for this request (Long). */
  public static final String RPC_TIMEOUT = "SwitchboardNetconfRpcTimeout";

  /** Out: the NETCONF session-id the device assigned. */
  public static final String SESSION_ID = "SwitchboardNetconfSessionId";

  /** Out: the device's capabilities (a {@code Set<String>}). */
  public static final String SERVER_CAPABILITIES = "SwitchboardNetconfServerCapabilities";

  /**
   * Out: rpc-errors of severity warning in an otherwise successful reply ({@code List<RpcError>}).
   */
  public static final String WARNINGS = "SwitchboardNetconfWarnings";

  /** Out: {@code chunked} (base:1.1) or {@code end-of-message} (base:1.0). */
  public static final String FRAMING = "SwitchboardNetconfFraming";

  /** Exchange property holding the sessions leased by an exchange until it completes. */
  static final String LEASES_PROPERTY = "SwitchboardNetconfLeases";

  private NetconfConstants() {}
}
