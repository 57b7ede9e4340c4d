package io.switchboard.camel.junos;

import java.util.Objects;

/** A configuration to load into the candidate. */
public record LoadConfiguration(String configuration, ConfigFormat format, LoadAction action) {

  public LoadConfiguration {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(action, "action");
    if (configuration.isBlank()) {
      throw new IllegalArgumentException("configuration to load is empty");
    }
    if ((format == ConfigFormat.SET) != (action == LoadAction.SET)) {
      throw new IllegalArgumentException("set commands load with action set, and only they do");
    }
  }

  /** A {@code <configuration>} element, merged or replacing per {@code action}. */
  public static LoadConfiguration xml(String configuration, LoadAction action) {
    return new LoadConfiguration(configuration, ConfigFormat.XML, action);
  }

  /** {@code set}/{@code delete} commands, one per line. */
  public static LoadConfiguration setCommands(String commands) {
    return new LoadConfiguration(commands, ConfigFormat.SET, LoadAction.SET);
  }
}
