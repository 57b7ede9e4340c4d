package io.switchboard.camel.junos;

/** Which interfaces {@code <get-interface-information>} reports: one by name, or all. */
public record InterfaceQuery(String interfaceName, boolean terse) {

  public static InterfaceQuery all() {
    return new InterfaceQuery(null, true);
  }

  public static InterfaceQuery named(String name) {
    return new InterfaceQuery(name, true);
  }
}
