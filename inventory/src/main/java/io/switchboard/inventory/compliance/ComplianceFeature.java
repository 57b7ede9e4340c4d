package io.switchboard.inventory.compliance;

import java.util.List;

/**
 * The features a compliance report is broken into, by where a statement lies in the Junos
 * hierarchy. What belongs to no other feature (snmp, routing-options beyond the overlay's static
 * routes...) is device-wide and counts as {@link #SYSTEM}.
 */
public enum ComplianceFeature {
  SYSTEM,
  INTERFACES,
  OVERLAY,
  FIREWALL,
  VNF;

  /** The feature of a statement's path (the words after {@code set}). */
  public static ComplianceFeature of(List<String> path) {
    String top = word(path, 0);
    String second = word(path, 1);
    String third = word(path, 2);
    switch (top) {
      case "interfaces":
        return second.startsWith("st0") ? OVERLAY : INTERFACES;
      case "virtual-network-functions", "vmhost":
        return VNF;
      case "applications":
        return FIREWALL;
      case "routing-instances":
        return second.startsWith("sdwan-") ? OVERLAY : SYSTEM;
      case "routing-options":
        return second.equals("static") ? OVERLAY : SYSTEM;
      case "services":
        return second.equals("rpm") ? OVERLAY : SYSTEM;
      case "security":
        return switch (second) {
          case "ike", "ipsec", "advance-policy-based-routing" -> OVERLAY;
          case "zones" ->
              third.equals("security-zone") && word(path, 3).equals("sdwan") ? OVERLAY : FIREWALL;
          default -> FIREWALL;
        };
      default:
        return SYSTEM;
    }
  }

  private static String word(List<String> path, int index) {
    return index < path.size() ? path.get(index) : "";
  }

  /** The name used in reports and the API: lower case. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
