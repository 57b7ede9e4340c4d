package io.switchboard.devices.config;

/** Input that is not well-formed XML. */
public class XmlException extends Exception {
  public XmlException(String message, Throwable cause) {
    super(message, cause);
  }
}
