package io.switchboard.inventory.sdwan.planning;

import io.switchboard.inventory.sdwan.render.DeviceIntent;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's WAN ports as a member row keeps them from its last plan ({@code
 * OverlayMember#plannedWan}): one port a line, {@code name<TAB>address<TAB>gateway}, {@code -} for
 * none (DHCP).
 */
final class PlannedPorts {
  private static final String NONE = "-";

  private PlannedPorts() {}

  static String encode(List<DeviceIntent.WanPort> ports) {
    List<String> lines = new ArrayList<>();
    for (DeviceIntent.WanPort p : ports) {
      lines.add(p.interfaceName() + "\t" + orNone(p.staticAddress()) + "\t" + orNone(p.gateway()));
    }
    return String.join("\n", lines);
  }

  static List<DeviceIntent.WanPort> decode(String text) {
    List<DeviceIntent.WanPort> ports = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      ports.add(new DeviceIntent.WanPort(f[0], none(f[1]), f.length > 2 ? none(f[2]) : null));
    }
    return ports;
  }

  static String encodePrefixes(List<String> prefixes) {
    return String.join("\n", prefixes);
  }

  static List<String> decodePrefixes(String text) {
    return text.isBlank() ? List.of() : List.of(text.split("\n"));
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }

  private static String none(String value) {
    return NONE.equals(value) ? null : value;
  }
}
