package io.switchboard.devices.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Interface and tunnel state that follows the running configuration. A physical port is up when it
 * is configured and not {@code disable}d (a configured port stands for a plugged cable); virtual
 * interfaces ({@code st0}, {@code lo0}, {@code gr-}) exist once configured. An IPsec tunnel is up
 * when its IKE gateway is defined with an address, its bind interface is configured and enabled,
 * and its external interface is up; {@code st0} units follow their tunnel. Names in {@code
 * forcedDown} (ports or tunnels) are down whatever the configuration says, so tests can pull a
 * cable.
 */
public final class OperationalState {

  private OperationalState() {}

  public static List<InterfaceState> interfaces(
      Element configuration, List<String> ports, Set<String> forcedDown) {
    return interfaces(configuration, ports, forcedDown, tunnels(configuration, forcedDown));
  }

  /** As above, with tunnel state decided elsewhere (IPsec negotiated across a fleet). */
  public static List<InterfaceState> interfaces(
      Element configuration,
      List<String> ports,
      Set<String> forcedDown,
      List<TunnelState> tunnels) {
    Set<String> names = new LinkedHashSet<>(ports);
    Element interfaces = Xml.child(configuration, "interfaces");
    if (interfaces != null) {
      for (Element itf : Xml.children(interfaces, "interface")) {
        String name = Xml.childText(itf, ConfigTree.KEY);
        if (name != null) {
          names.add(name);
        }
      }
    }
    List<InterfaceState> result = new ArrayList<>();
    for (String name : names) {
      Element itf = physical(configuration, name);
      boolean adminUp = itf == null || Xml.child(itf, "disable") == null;
      boolean operUp = itf != null && adminUp && !forcedDown.contains(name);
      List<InterfaceState.LogicalInterfaceState> units = new ArrayList<>();
      if (itf != null) {
        for (Element unit : Xml.children(itf, "unit")) {
          String unitName = name + "." + Xml.childText(unit, ConfigTree.KEY);
          boolean unitAdmin = Xml.child(unit, "disable") == null;
          boolean unitOper = operUp && unitAdmin && tunnelAllows(unitName, name, tunnels);
          units.add(
              new InterfaceState.LogicalInterfaceState(
                  unitName, status(unitAdmin), status(unitOper), addresses(unit)));
        }
      }
      String description = itf == null ? null : Xml.childText(itf, "description");
      result.add(new InterfaceState(name, status(adminUp), status(operUp), description, units));
    }
    return result;
  }

  private static boolean tunnelAllows(String unitName, String physical, List<TunnelState> tunnels) {
    if (!physical.startsWith("st") && !physical.startsWith("gr-")) {
      return true;
    }
    return tunnels.stream().anyMatch(t -> unitName.equals(t.bindInterface()) && t.isUp());
  }

  public static List<TunnelState> tunnels(Element configuration, Set<String> forcedDown) {
    List<TunnelState> result = new ArrayList<>();
    Element ipsec = Xml.path(configuration, "security", "ipsec");
    if (ipsec != null) {
      for (Element vpn : Xml.children(ipsec, "vpn")) {
        String name = Xml.childText(vpn, ConfigTree.KEY);
        String bind = Xml.childText(vpn, "bind-interface");
        Element ike = Xml.child(vpn, "ike");
        String gatewayName = ike == null ? null : Xml.childText(ike, "gateway");
        Element gateway = gatewayName == null ? null : ikeGateway(configuration, gatewayName);
        String remote = gateway == null ? null : Xml.childText(gateway, "address");
        String external = gateway == null ? null : Xml.childText(gateway, "external-interface");
        boolean up =
            Xml.child(vpn, "disable") == null
                && remote != null
                && (bind == null || unitEnabled(configuration, bind, forcedDown))
                && (external == null || unitEnabled(configuration, external, forcedDown))
                && !forcedDown.contains(name);
        result.add(new TunnelState(name, "ipsec", bind, remote, status(up)));
      }
    }
    Element interfaces = Xml.child(configuration, "interfaces");
    if (interfaces != null) {
      for (Element itf : Xml.children(interfaces, "interface")) {
        String physical = Xml.childText(itf, ConfigTree.KEY);
        if (physical == null || !physical.startsWith("gr-")) {
          continue;
        }
        for (Element unit : Xml.children(itf, "unit")) {
          String unitName = physical + "." + Xml.childText(unit, ConfigTree.KEY);
          Element tunnel = Xml.child(unit, "tunnel");
          String destination = tunnel == null ? null : Xml.childText(tunnel, "destination");
          if (destination == null) {
            continue;
          }
          boolean up =
              Xml.child(itf, "disable") == null
                  && Xml.child(unit, "disable") == null
                  && !forcedDown.contains(unitName)
                  && !forcedDown.contains(physical);
          result.add(new TunnelState(unitName, "gre", unitName, destination, status(up)));
        }
      }
    }
    return result;
  }

  /** Whether {@code ge-0/0/0.0} (or a bare physical name) is configured. */
  public static boolean unitConfigured(Element configuration, String unitName) {
    return unit(configuration, unitName) != null;
  }

  public static Element ikeGateway(Element configuration, String name) {
    Element ike = Xml.path(configuration, "security", "ike");
    if (ike == null) {
      return null;
    }
    for (Element gateway : Xml.children(ike, "gateway")) {
      if (name.equals(Xml.childText(gateway, ConfigTree.KEY))) {
        return gateway;
      }
    }
    return null;
  }

  private static boolean unitEnabled(
      Element configuration, String unitName, Set<String> forcedDown) {
    Element unit = unit(configuration, unitName);
    if (unit == null) {
      return false;
    }
    String physicalName =
        unitName.contains(".") ? unitName.substring(0, unitName.lastIndexOf('.')) : unitName;
    Element physical = physical(configuration, physicalName);
    return Xml.child(unit, "disable") == null
        && Xml.child(physical, "disable") == null
        && !forcedDown.contains(physicalName)
        && !forcedDown.contains(unitName);
  }

  private static Element unit(Element configuration, String unitName) {
    int dot = unitName.lastIndexOf('.');
    String physicalName = dot < 0 ? unitName : unitName.substring(0, dot);
    Element physical = physical(configuration, physicalName);
    if (physical == null || dot < 0) {
      return physical;
    }
    String unitKey = unitName.substring(dot + 1);
    for (Element unit : Xml.children(physical, "unit")) {
      if (unitKey.equals(Xml.childText(unit, ConfigTree.KEY))) {
        return unit;
      }
    }
    return null;
  }

  private static Element physical(Element configuration, String name) {
    Element interfaces = Xml.child(configuration, "interfaces");
    if (interfaces == null) {
      return null;
    }
    for (Element itf : Xml.children(interfaces, "interface")) {
      if (name.equals(Xml.childText(itf, ConfigTree.KEY))) {
        return itf;
      }
    }
    return null;
  }

  private static List<String> addresses(Element unit) {
    List<String> result = new ArrayList<>();
    Element inet = Xml.path(unit, "family", "inet");
    if (inet != null) {
      for (Element address : Xml.children(inet, "address")) {
        String value =
            Xml.hasElementChildren(address)
                ? Xml.childText(address, ConfigTree.KEY)
                : Xml.text(address);
        if (value != null && !value.isEmpty()) {
          result.add(value);
        }
      }
    }
    return result;
  }

  private static String status(boolean up) {
    return up ? "up" : "down";
  }
}
