package io.switchboard.devices.firewall;

import io.switchboard.devices.config.Xml;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * {@code show security match-policies}: the first policy of a zone pair that matches a flow, as the
 * device's running configuration orders them; none matching is the default policy (deny).
 */
public final class PolicyLookup {
  /** The policy Junos reports when no configured policy matches. */
  public static final String DEFAULT_POLICY = "default-policy";

  /** Ports and protocols of the predefined applications the simulator knows. */
  private static final Map<String, String> PREDEFINED =
      Map.ofEntries(
          Map.entry("junos-http", "tcp 80"),
          Map.entry("junos-https", "tcp 443"),
          Map.entry("junos-ssh", "tcp 22"),
          Map.entry("junos-telnet", "tcp 23"),
          Map.entry("junos-ftp", "tcp 21"),
          Map.entry("junos-smtp", "tcp 25"),
          Map.entry("junos-dns-udp", "udp 53"),
          Map.entry("junos-dns-tcp", "tcp 53"),
          Map.entry("junos-ntp", "udp 123"),
          Map.entry("junos-snmp-agentx", "tcp 705"),
          Map.entry("junos-ldap", "tcp 389"),
          Map.entry("junos-imap", "tcp 143"),
          Map.entry("junos-pop3", "tcp 110"),
          Map.entry("junos-sip", "udp 5060"),
          Map.entry("junos-ms-sql", "tcp 1433"),
          Map.entry("junos-syslog", "udp 514"),
          Map.entry("junos-bgp", "tcp 179"),
          Map.entry("junos-ping", "icmp 0"),
          Map.entry("junos-icmp-all", "icmp 0"));

  /** A flow to look up. */
  public record Flow(
      String fromZone,
      String toZone,
      String source,
      String destination,
      int port,
      String protocol) {}

  /**
   * The deciding policy, its action and its place (1-based) in the zone pair; 0 for the default.
   */
  public record Match(String policy, String action, int sequence) {}

  private PolicyLookup() {}

  public static Match lookup(Element configuration, Flow flow) {
    SecurityConfig c = SecurityConfig.of(configuration);
    for (SecurityConfig.ZonePair pair : c.pairs()) {
      if (!pair.from().equals(flow.fromZone()) || !pair.to().equals(flow.toZone())) {
        continue;
      }
      List<SecurityConfig.Policy> policies = pair.policies();
      for (int i = 0; i < policies.size(); i++) {
        SecurityConfig.Policy p = policies.get(i);
        if (addresses(c, p.sources(), flow.source())
            && addresses(c, p.destinations(), flow.destination())
            && applications(c, p.applications(), flow.protocol(), flow.port())) {
          return new Match(p.name(), p.action(), i + 1);
        }
      }
    }
    return new Match(DEFAULT_POLICY, "deny", 0);
  }

  private static boolean addresses(SecurityConfig c, List<String> names, String ip) {
    for (String n : names) {
      if ("any".equals(n) || address(c, n, ip, new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  private static boolean address(SecurityConfig c, String name, String ip, Set<String> seen) {
    if (!seen.add(name)) {
      return false;
    }
    Element a = c.addresses().get(name);
    if (a != null) {
      String prefix = Xml.childText(a, "ip-prefix");
      if (prefix != null) {
        return inPrefix(ip, prefix);
      }
      Element range = Xml.child(a, "range-address");
      if (range != null) {
        BigInteger n = number(ip);
        String low = SecurityConfig.key(range);
        String high = Xml.childText(range, "to");
        return n != null && n.compareTo(number(low)) >= 0 && n.compareTo(number(high)) <= 0;
      }
      return ip.equals(Xml.childText(a, "dns-name"));
    }
    for (SecurityConfig.Member m : c.addressSets().getOrDefault(name, List.of())) {
      if (address(c, m.name(), ip, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean applications(
      SecurityConfig c, List<String> names, String protocol, int port) {
    for (String n : names) {
      if ("any".equals(n) || application(c, n, protocol, port, new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  private static boolean application(
      SecurityConfig c, String name, String protocol, int port, Set<String> seen) {
    if (!seen.add(name)) {
      return false;
    }
    String predefined = PREDEFINED.get(name);
    if (predefined != null) {
      String[] p = predefined.split(" ");
      return p[0].equals(protocol) && ("icmp".equals(protocol) || Integer.parseInt(p[1]) == port);
    }
    Element a = c.applications().get(name);
    if (a != null) {
      if (!protocol.equals(Xml.childText(a, "protocol"))) {
        return false;
      }
      String ports = Xml.childText(a, "destination-port");
      if (ports == null) {
        return true;
      }
      String[] range = ports.split("-");
      int low = Integer.parseInt(range[0]);
      int high = range.length > 1 ? Integer.parseInt(range[1]) : low;
      return low <= port && port <= high;
    }
    for (SecurityConfig.Member m : c.applicationSets().getOrDefault(name, List.of())) {
      if (application(c, m.name(), protocol, port, seen)) {
        return true;
      }
    }
    return false;
  }

  static boolean inPrefix(String ip, String prefix) {
    String[] parts = prefix.split("/");
    BigInteger n = number(ip);
    BigInteger base = number(parts[0]);
    if (n == null || base == null || ip.contains(":") != parts[0].contains(":")) {
      return false;
    }
    int bits = parts[0].contains(":") ? 128 : 32;
    int length = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
    return n.shiftRight(bits - length).equals(base.shiftRight(bits - length));
  }

  private static BigInteger number(String ip) {
    if (ip == null || !ip.matches("[0-9a-fA-F:.]+") || !(ip.contains(".") || ip.contains(":"))) {
      return null;
    }
    try {
      return new BigInteger(1, InetAddress.getByName(ip).getAddress());
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }
}
