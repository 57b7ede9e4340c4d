package io.switchboard.camel.netconf;

import java.util.Locale;

/** What a {@code netconf:} request does; the URI and header use the lower-case RFC names. */
public enum NetconfOperation {
  /** No RPC: opens (or reuses) the session; the body becomes the device's capabilities. */
  HELLO("hello"),
  GET("get"),
  GET_CONFIG("get-config"),
  EDIT_CONFIG("edit-config"),
  LOCK("lock"),
  UNLOCK("unlock"),
  COMMIT("commit"),
  CANCEL_COMMIT("cancel-commit"),
  DISCARD_CHANGES("discard-changes"),
  VALIDATE("validate"),
  CLOSE_SESSION("close-session"),
  /** The body is the operation element to wrap in {@code <rpc>}, e.g. a Junos RPC. */
  RPC("rpc");

  private final String rfcName;

  NetconfOperation(String rfcName) {
    this.rfcName = rfcName;
  }

  public String rfcName() {
    return rfcName;
  }

  public static NetconfOperation of(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (NetconfOperation operation : values()) {
      if (operation.rfcName.equals(wanted)) {
        return operation;
      }
    }
    throw new IllegalArgumentException("unknown NETCONF operation: " + name);
  }
}
