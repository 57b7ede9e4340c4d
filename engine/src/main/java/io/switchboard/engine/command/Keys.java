package io.switchboard.engine.command;

import io.switchboard.engine.processor.EngineException;

/** Keys travel as strings in the REST API; this parses them with Camunda's error. */
public final class Keys {
  public static final String DEFAULT_TENANT = "<default>";

  private Keys() {}

  public static long parse(String value, String what) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw EngineException.invalidArgument(
          "Expected " + what + " to be a numeric key, but it was '" + value + "'");
    }
  }

  public static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
  }
}
