package io.switchboard.camel.junos;

import java.util.Locale;

/** The {@code action} attribute of {@code <load-configuration>}. */
public enum LoadAction {
  MERGE,
  REPLACE,
  OVERRIDE,
  UPDATE,
  /** The only action for {@link ConfigFormat#SET}. */
  SET;

  String attribute() {
    return name().toLowerCase(Locale.ROOT);
  }
}
