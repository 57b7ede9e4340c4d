package io.switchboard.devices.config;

import java.util.Locale;

/** NETCONF edit operations (RFC 6241 7.2); {@code NONE} only as a default operation. */
public enum EditOperation {
  MERGE,
  REPLACE,
  CREATE,
  DELETE,
  REMOVE,
  NONE;

  /** Parses a NETCONF operation name such as {@code merge} or {@code none}. */
  public static EditOperation parse(String value) throws ConfigException {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("bad-attribute", "invalid operation: " + value, null, value);
    }
  }
}
