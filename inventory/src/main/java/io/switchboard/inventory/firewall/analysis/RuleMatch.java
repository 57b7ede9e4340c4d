package io.switchboard.inventory.firewall.analysis;

import io.switchboard.inventory.firewall.analysis.IpRanges.Interval;
import io.switchboard.inventory.firewall.model.AddressDef;
import io.switchboard.inventory.firewall.model.ApplicationDef;
import io.switchboard.inventory.firewall.model.GroupDef;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.PredefinedApplications;
import io.switchboard.inventory.firewall.model.RuleDef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one rule matches, resolved through groups and sets: zone pairs, addresses, services. */
record RuleMatch(Set<String> pairs, Addresses sources, Addresses destinations, Services services) {

  /** Any, or some intervals and DNS names (a DNS name matches only itself). */
  record Addresses(boolean any, List<Interval> intervals, Set<String> names) {
    boolean covers(Addresses other) {
      if (any) {
        return true;
      }
      if (other.any) {
        return false;
      }
      List<Interval> merged = IpRanges.merge(intervals);
      return other.intervals.stream().allMatch(i -> IpRanges.covers(merged, i))
          && names.containsAll(other.names);
    }

    boolean overlaps(Addresses other) {
      if (any || other.any) {
        return true;
      }
      for (Interval a : intervals) {
        for (Interval b : other.intervals) {
          if (IpRanges.overlaps(a, b)) {
            return true;
          }
        }
      }
      return other.names.stream().anyMatch(names::contains);
    }

    boolean matches(String address) {
      if (any) {
        return true;
      }
      if (!IpRanges.isAddress(address)) {
        return names.contains(address);
      }
      BigInteger n = IpRanges.number(address);
      return intervals.stream().anyMatch(i -> IpRanges.contains(i, n));
    }
  }

  /** A protocol and a port interval (icmp: 0..0). */
  record Service(String protocol, int low, int high) {}

  record Services(boolean any, List<Service> services) {
    boolean covers(Services other) {
      if (any) {
        return true;
      }
      if (other.any) {
        return false;
      }
      return other.services.stream()
          .allMatch(
              o ->
                  services.stream()
                      .anyMatch(
                          s ->
                              s.protocol().equals(o.protocol())
                                  && s.low() <= o.low()
                                  && s.high() >= o.high()));
    }

    boolean overlaps(Services other) {
      if (any || other.any) {
        return true;
      }
      return other.services.stream()
          .anyMatch(
              o ->
                  services.stream()
                      .anyMatch(
                          s ->
                              s.protocol().equals(o.protocol())
                                  && s.low() <= o.high()
                                  && o.low() <= s.high()));
    }

    boolean matches(String protocol, int port) {
      return any
          || services.stream()
              .anyMatch(s -> s.protocol().equals(protocol) && s.low() <= port && port <= s.high());
    }
  }

  boolean covers(RuleMatch other) {
    return pairs.containsAll(other.pairs)
        && sources.covers(other.sources)
        && destinations.covers(other.destinations)
        && services.covers(other.services);
  }

  boolean overlaps(RuleMatch other) {
    return other.pairs.stream().anyMatch(pairs::contains)
        && sources.overlaps(other.sources)
        && destinations.overlaps(other.destinations)
        && services.overlaps(other.services);
  }

  boolean matches(Flow f) {
    return pairs.contains(f.fromZone() + ">" + f.toZone())
        && sources.matches(f.source())
        && destinations.matches(f.destination())
        && services.matches(f.protocol(), f.port());
  }

  static RuleMatch of(RuleDef r, PolicySnapshot s) {
    Set<String> pairs = new LinkedHashSet<>();
    for (String from : r.fromZones()) {
      for (String to : r.toZones()) {
        pairs.add(from + ">" + to);
      }
    }
    return new RuleMatch(
        pairs,
        addresses(r.sources(), s),
        addresses(r.destinations(), s),
        services(r.applications(), s));
  }

  private static Addresses addresses(List<String> names, PolicySnapshot s) {
    if (names.contains(RuleDef.ANY)) {
      return new Addresses(true, List.of(), Set.of());
    }
    List<Interval> intervals = new ArrayList<>();
    Set<String> dns = new HashSet<>();
    collectAddresses(names, s, intervals, dns, new HashSet<>());
    return new Addresses(false, intervals, dns);
  }

  private static void collectAddresses(
      List<String> names,
      PolicySnapshot s,
      List<Interval> intervals,
      Set<String> dns,
      Set<String> seen) {
    for (String name : names) {
      if (!seen.add(name)) {
        continue;
      }
      AddressDef a = s.address(name).orElse(null);
      if (a != null) {
        switch (a.kind()) {
          case PREFIX -> intervals.add(IpRanges.prefix(a.value()));
          case RANGE ->
              intervals.add(new Interval(IpRanges.number(a.value()), IpRanges.number(a.valueTo())));
          case DNS -> dns.add(a.value());
        }
        continue;
      }
      s.addressGroup(name)
          .map(GroupDef::members)
          .ifPresent(m -> collectAddresses(m, s, intervals, dns, seen));
    }
  }

  private static Services services(List<String> names, PolicySnapshot s) {
    if (names.contains(RuleDef.ANY)) {
      return new Services(true, List.of());
    }
    List<Service> out = new ArrayList<>();
    collectServices(names, s, out, new HashSet<>());
    return new Services(false, out);
  }

  private static void collectServices(
      List<String> names, PolicySnapshot s, List<Service> out, Set<String> seen) {
    for (String name : names) {
      if (!seen.add(name)) {
        continue;
      }
      ApplicationDef a =
          s.application(name).or(() -> PredefinedApplications.find(name)).orElse(null);
      if (a != null) {
        out.add(service(a));
        continue;
      }
      s.applicationSet(name)
          .map(GroupDef::members)
          .ifPresent(m -> collectServices(m, s, out, seen));
    }
  }

  static Service service(ApplicationDef a) {
    if (a.destinationPort() == null) {
      return new Service(a.protocol(), 0, 0);
    }
    String[] ports = a.destinationPort().split("-");
    int low = Integer.parseInt(ports[0]);
    return new Service(a.protocol(), low, ports.length > 1 ? Integer.parseInt(ports[1]) : low);
  }
}
