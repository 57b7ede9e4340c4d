package io.switchboard.devices.netconf;

/** Bytes that break RFC 6242 framing; the session cannot continue. */
public class FramingException extends Exception {
  public FramingException(String message) {
    super(message);
  }
}
