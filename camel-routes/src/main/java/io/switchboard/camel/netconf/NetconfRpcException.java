package io.switchboard.camel.netconf;

import io.switchboard.netconf.error.RpcError;
import java.util.List;

/**
 * The device answered an RPC with one or more {@code <rpc-error>} of severity error. The first
 * error's fields are exposed directly; {@link #getErrors()} has all of them (warnings included).
 */
public class NetconfRpcException extends NetconfException {

  private final String operation;
  private final List<RpcError> errors;
  private final String replyXml;

  public NetconfRpcException(
      String deviceId, String operation, List<RpcError> errors, String replyXml) {
    super(deviceId, operation + " failed: " + firstError(errors).describe());
    this.operation = operation;
    this.errors = List.copyOf(errors);
    this.replyXml = replyXml;
  }

  private static RpcError firstError(List<RpcError> errors) {
    return errors.stream().filter(RpcError::isError).findFirst().orElse(errors.get(0));
  }

  /** The operation that failed, e.g. {@code commit} or the root element of a raw RPC. */
  public String getOperation() {
    return operation;
  }

  public List<RpcError> getErrors() {
    return errors;
  }

  public String getErrorType() {
    return firstError(errors).type();
  }

  public String getErrorTag() {
    return firstError(errors).tag();
  }

  public String getErrorSeverity() {
    return firstError(errors).severity();
  }

  public String getErrorPath() {
    return firstError(errors).path();
  }

  /** The device's own message, verbatim. */
  public String getErrorMessage() {
    return firstError(errors).message();
  }

  public String getReplyXml() {
    return replyXml;
  }
}
