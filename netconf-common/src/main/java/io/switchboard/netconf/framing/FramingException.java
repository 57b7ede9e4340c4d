package io.switchboard.netconf.framing;

/** Bytes that cannot be RFC 6242 framing; the session cannot recover and must be closed. */
public class FramingException extends RuntimeException {
  public FramingException(String message) {
    super(message);
  }
}
