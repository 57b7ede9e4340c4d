package io.switchboard.devices.config;

import org.w3c.dom.Element;

/**
 * A commit check contributed by a feature package (found with {@link java.util.ServiceLoader}, so
 * the configuration core does not depend on the features that extend it).
 */
public interface ConfigCheck {
  /** Throws the first violation in {@code configuration}, with a Junos-style message. */
  void check(Element configuration) throws ConfigException;

  /** A violation as Junos reports it: the hierarchy, the offending statement, the message. */
  static ConfigException failure(String path, String bad, String message) {
    return new ConfigException(
        "invalid-value", message, path, bad, java.util.List.of("configuration check-out failed"));
  }
}
