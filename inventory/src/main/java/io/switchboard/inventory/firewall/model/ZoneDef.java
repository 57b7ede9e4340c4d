package io.switchboard.inventory.firewall.model;

import java.util.List;

/** A security zone of a site and the interfaces (units) in it, e.g. {@code ge-0/0/1.0}. */
public record ZoneDef(String name, List<String> interfaces) {
  public ZoneDef {
    interfaces = List.copyOf(interfaces);
  }
}
