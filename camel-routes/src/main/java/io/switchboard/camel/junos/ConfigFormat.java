package io.switchboard.camel.junos;

/** How a configuration to load is written. */
public enum ConfigFormat {
  /** {@code <configuration>} XML. */
  XML,
  /** {@code set} commands, one per line. */
  SET,
  /** Curly-brace configuration text. */
  TEXT
}
