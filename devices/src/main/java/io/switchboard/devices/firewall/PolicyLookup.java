package io.switchboard.devices.firewall;

import io.switchboard.devices.config.Xml;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
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
    return index(configuration).lookup(flow);
  }

  /**
   * The policies of a configuration compiled for lookups: each policy's addresses resolved through
   * address-sets to number ranges, its applications through application-sets to protocol and port
   * ranges. Built once per committed configuration, it answers a lookup without reading the
   * configuration again.
   */
  public static Index index(Element configuration) {
    SecurityConfig c = SecurityConfig.of(configuration);
    Map<String, List<Compiled>> pairs = new HashMap<>();
    for (SecurityConfig.ZonePair pair : c.pairs()) {
      List<Compiled> policies = new ArrayList<>();
      for (SecurityConfig.Policy p : pair.policies()) {
        policies.add(
            new Compiled(
                p.name(),
                p.action(),
                addresses(c, p.sources()),
                addresses(c, p.destinations()),
                applications(c, p.applications())));
      }
      pairs.putIfAbsent(pairKey(pair.from(), pair.to()), List.copyOf(policies));
    }
    return new Index(Map.copyOf(pairs));
  }

  /** A configuration's policies per zone pair, ready for {@link #lookup(Flow)}. */
  public static final class Index {
    private final Map<String, List<Compiled>> pairs;

    private Index(Map<String, List<Compiled>> pairs) {
      this.pairs = pairs;
    }

    /** The first policy of the flow's zone pair that matches it; none: the default policy. */
    public Match lookup(Flow flow) {
      List<Compiled> policies =
          pairs.getOrDefault(pairKey(flow.fromZone(), flow.toZone()), List.of());
      Ip source = Ip.of(flow.source());
      Ip destination = Ip.of(flow.destination());
      for (int i = 0; i < policies.size(); i++) {
        Compiled p = policies.get(i);
        if (p.sources().matches(flow.source(), source)
            && p.destinations().matches(flow.destination(), destination)
            && p.applications().matches(flow.protocol(), flow.port())) {
          return new Match(p.name(), p.action(), i + 1);
        }
      }
      return new Match(DEFAULT_POLICY, "deny", 0);
    }
  }

  private static String pairKey(String from, String to) {
    return from + " " + to;
  }

  private record Compiled(
      String name,
      String action,
      Addresses sources,
      Addresses destinations,
      Services applications) {}

  /** An address as a number and its family; null number: not an IP address. */
  private record Ip(boolean v6, BigInteger number) {
    static Ip of(String text) {
      return new Ip(text != null && text.contains(":"), PolicyLookup.number(text));
    }
  }

  /** Inclusive range of addresses of one family. */
  private record Range(boolean v6, BigInteger low, BigInteger high) {
    boolean contains(Ip ip) {
      return ip.number() != null
          && ip.v6() == v6
          && ip.number().compareTo(low) >= 0
          && ip.number().compareTo(high) <= 0;
    }
  }

  private record Addresses(boolean any, List<Range> ranges, Set<String> dnsNames) {
    boolean matches(String text, Ip ip) {
      if (any || dnsNames.contains(text)) {
        return true;
      }
      for (Range r : ranges) {
        if (r.contains(ip)) {
          return true;
        }
      }
      return false;
    }
  }

  private record Service(String protocol, int low, int high) {}

  private record Services(boolean any, List<Service> services) {
    boolean matches(String protocol, int port) {
      if (any) {
        return true;
      }
      for (Service s : services) {
        if (s.protocol().equals(protocol)
            && ("icmp".equals(protocol) || (s.low() <= port && port <= s.high()))) {
          return true;
        }
      }
      return false;
    }
  }

  private static Addresses addresses(SecurityConfig c, List<String> names) {
    List<Range> ranges = new ArrayList<>();
    Set<String> dns = new HashSet<>();
    boolean any = false;
    for (String n : names) {
      if ("any".equals(n)) {
        any = true;
      } else {
        address(c, n, ranges, dns, new HashSet<>());
      }
    }
    return new Addresses(any, List.copyOf(ranges), Set.copyOf(dns));
  }

  private static void address(
      SecurityConfig c, String name, List<Range> ranges, Set<String> dns, Set<String> seen) {
    if (!seen.add(name)) {
      return;
    }
    Element a = c.addresses().get(name);
    if (a != null) {
      String prefix = Xml.childText(a, "ip-prefix");
      if (prefix != null) {
        Range r = prefixRange(prefix);
        if (r != null) {
          ranges.add(r);
        }
        return;
      }
      Element range = Xml.child(a, "range-address");
      if (range != null) {
        String low = SecurityConfig.key(range);
        BigInteger from = number(low);
        BigInteger to = number(Xml.childText(range, "to"));
        if (from != null && to != null) {
          ranges.add(new Range(low.contains(":"), from, to));
        }
        return;
      }
      String dnsName = Xml.childText(a, "dns-name");
      if (dnsName != null) {
        dns.add(dnsName);
      }
      return;
    }
    for (SecurityConfig.Member m : c.addressSets().getOrDefault(name, List.of())) {
      address(c, m.name(), ranges, dns, seen);
    }
  }

  private static Services applications(SecurityConfig c, List<String> names) {
    List<Service> services = new ArrayList<>();
    boolean any = false;
    for (String n : names) {
      if ("any".equals(n)) {
        any = true;
      } else {
        application(c, n, services, new HashSet<>());
      }
    }
    return new Services(any, List.copyOf(services));
  }

  private static void application(
      SecurityConfig c, String name, List<Service> services, Set<String> seen) {
    if (!seen.add(name)) {
      return;
    }
    String predefined = PREDEFINED.get(name);
    if (predefined != null) {
      String[] p = predefined.split(" ");
      int port = Integer.parseInt(p[1]);
      services.add(new Service(p[0], port, port));
      return;
    }
    Element a = c.applications().get(name);
    if (a != null) {
      String protocol = Xml.childText(a, "protocol");
      String ports = Xml.childText(a, "destination-port");
      if (protocol == null) {
        return;
      }
      if (ports == null) {
        services.add(new Service(protocol, Integer.MIN_VALUE, Integer.MAX_VALUE));
        return;
      }
      String[] range = ports.split("-");
      int low = Integer.parseInt(range[0]);
      services.add(new Service(protocol, low, range.length > 1 ? Integer.parseInt(range[1]) : low));
      return;
    }
    for (SecurityConfig.Member m : c.applicationSets().getOrDefault(name, List.of())) {
      application(c, m.name(), services, seen);
    }
  }

  /** The addresses of a prefix as a range; null when it is no prefix. */
  private static Range prefixRange(String prefix) {
    String[] parts = prefix.split("/");
    BigInteger base = number(parts[0]);
    if (base == null) {
      return null;
    }
    boolean v6 = parts[0].contains(":");
    int bits = v6 ? 128 : 32;
    int length = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
    BigInteger low = base.andNot(hostMask);
    return new Range(v6, low, low.or(hostMask));
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
