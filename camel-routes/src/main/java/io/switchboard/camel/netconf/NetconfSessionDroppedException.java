package io.switchboard.camel.netconf;

/** The SSH session or its NETCONF channel closed while a request was waiting for its reply. */
public class NetconfSessionDroppedException extends NetconfException {

  public NetconfSessionDroppedException(String deviceId, String message, Throwable cause) {
    super(deviceId, message, cause);
  }
}
