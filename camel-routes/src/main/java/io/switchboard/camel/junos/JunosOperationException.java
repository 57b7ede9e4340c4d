package io.switchboard.camel.junos;

/**
 * The device answered without an rpc-error but the answer says the operation failed: a non-zero
 * {@code package-result}, a commit without {@code commit-success}, a reply we cannot read.
 */
public class JunosOperationException extends RuntimeException {

  private final String deviceId;
  private final String operation;

  public JunosOperationException(String deviceId, String operation, String message) {
    super("device " + deviceId + ": " + operation + " failed: " + message);
    this.deviceId = deviceId;
    this.operation = operation;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public String getOperation() {
    return operation;
  }
}
