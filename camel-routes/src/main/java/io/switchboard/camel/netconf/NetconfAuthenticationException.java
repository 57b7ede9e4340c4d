package io.switchboard.camel.netconf;

/** The device refused the password or key offered for the configured user. */
public class NetconfAuthenticationException extends NetconfException {

  public NetconfAuthenticationException(String deviceId, String message, Throwable cause) {
    super(deviceId, message, cause);
  }
}
