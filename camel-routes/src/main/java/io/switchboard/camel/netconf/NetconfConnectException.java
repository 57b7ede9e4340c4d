package io.switchboard.camel.netconf;

/** The device could not be reached: refused connection, unknown host, no route, SSH failure. */
public class NetconfConnectException extends NetconfException {

  public NetconfConnectException(String deviceId, String message, Throwable cause) {
    super(deviceId, message, cause);
  }
}
