package io.switchboard.devices.netconf;

import io.switchboard.devices.config.ConfigException;
import io.switchboard.netconf.error.RpcError;
import java.util.ArrayList;
import java.util.List;

/** An RPC that failed; its errors become {@code rpc-error} elements of the reply. */
public class RpcException extends Exception {

  private final List<RpcError> errors;

  public RpcException(List<RpcError> errors) {
    super(errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public RpcException(RpcError error) {
    this(List.of(error));
  }

  public List<RpcError> errors() {
    return errors;
  }

  public static RpcException protocol(String tag, String message) {
    return new RpcException(RpcError.error("protocol", tag, message));
  }

  public static RpcException application(String tag, String message) {
    return new RpcException(RpcError.error("application", tag, message));
  }

  /** A missing or wrong parameter of an operation. */
  public static RpcException missingElement(String element, String message) {
    return new RpcException(
        RpcError.error("protocol", "missing-element", message).withInfo("bad-element", element));
  }

  public static RpcException badElement(String element, String message) {
    return new RpcException(
        RpcError.error("protocol", "bad-element", message).withInfo("bad-element", element));
  }

  /** Maps a refused configuration change to Junos-like errors. */
  public static RpcException of(ConfigException e) {
    String type =
        switch (e.errorTag()) {
          case "lock-denied", "in-use", "operation-failed" -> "protocol";
          default -> "application";
        };
    List<RpcError> errors = new ArrayList<>();
    RpcError first =
        new RpcError(type, e.errorTag(), "error", null, e.errorPath(), e.getMessage(), null);
    if (e.badElement() != null) {
      first = first.withInfo("bad-element", e.badElement());
    }
    if (e.lockOwner() != null) {
      first = first.withInfo("session-id", String.valueOf(e.lockOwner()));
    }
    errors.add(first);
    for (String followUp : e.followUps()) {
      errors.add(RpcError.error("protocol", "operation-failed", followUp));
    }
    return new RpcException(errors);
  }
}
