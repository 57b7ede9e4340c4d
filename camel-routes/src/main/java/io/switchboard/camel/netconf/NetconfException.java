package io.switchboard.camel.netconf;

/**
 * Base of every failure the {@code netconf:} component reports. Each subclass names one cause a
 * caller handles differently: the device refused the request ({@link NetconfRpcException}), it did
 * not answer in time ({@link NetconfTimeoutException}), the session went away ({@link
 * NetconfSessionDroppedException}), it could not be reached ({@link NetconfConnectException}), it
 * refused our credentials ({@link NetconfAuthenticationException}), it presented a host key other
 * than the pinned one ({@link HostKeyMismatchException}) or it broke the protocol ({@link
 * NetconfProtocolException}).
 */
public class NetconfException extends RuntimeException {

  private final String deviceId;

  public NetconfException(String deviceId, String message) {
    this(deviceId, message, null);
  }

  public NetconfException(String deviceId, String message, Throwable cause) {
    super(deviceId == null ? message : "device " + deviceId + ": " + message, cause);
    this.deviceId = deviceId;
  }

  /** The device the failure concerns, or {@code null} when it is not known. */
  public String getDeviceId() {
    return deviceId;
  }
}
