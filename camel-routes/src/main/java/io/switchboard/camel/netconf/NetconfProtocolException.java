package io.switchboard.camel.netconf;

/** The device broke RFC 6241/6242: bad framing, malformed XML, no usable hello. */
public class NetconfProtocolException extends NetconfException {

  public NetconfProtocolException(String deviceId, String message) {
    super(deviceId, message);
  }

  public NetconfProtocolException(String deviceId, String message, Throwable cause) {
    super(deviceId, message, cause);
  }
}
