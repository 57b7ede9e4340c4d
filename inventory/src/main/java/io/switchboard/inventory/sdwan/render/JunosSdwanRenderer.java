package io.switchboard.inventory.sdwan.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a {@link DeviceIntent} as Junos {@code set} commands for the SRX family (the only family
 * the catalogue has; another family gets its own renderer). Names: per tunnel {@code sdwan-t<unit>}
 * (IKE policy, gateway, VPN, RPM probe) on {@code st0.<unit>}, the tunnel's st0 unit on this device
 * (unique there across overlays); per overlay, with its tag {@code T}: IKE/IPsec proposal and
 * policy {@code sdwan-T-ike}/{@code sdwan-T-ipsec}, forwarding instances {@code sdwan-T-<label>},
 * APBR metrics profiles {@code sdwan-T-sla-<name>} and rules {@code sdwan-T-r<order>}. Shared by
 * every overlay on the device: zones {@code untrust} (WAN, host-inbound ike), {@code sdwan} (the
 * st0 units) and {@code trust} (the LAN) with the APBR profile {@code sdwan} bound to it (a zone
 * takes one profile). Each gateway names IKE identities of its own ({@code sdwan-T-t<unit>-a|b}),
 * so two overlays between the same pair of devices over the same link are told apart. Remote LAN
 * prefixes are static routes over the tunnels, and per path label in the overlay's forwarding
 * instance that its steering rules send traffic to.
 */
public final class JunosSdwanRenderer {
  /** What the plan preview shows instead of a pre-shared key. */
  public static final String HIDDEN_KEY = "<hidden>";

  /** The APBR profile every overlay's rules are in (bound to zone trust). */
  static final String APBR_PROFILE = "sdwan";

  private JunosSdwanRenderer() {}

  /** The name of a tunnel's IKE policy, gateway, VPN and RPM probe on a device. */
  public static String tunnelName(int unit) {
    return "sdwan-t" + unit;
  }

  /** An overlay's tag in its stanza names: the first 8 characters of its id, dashes left out. */
  public static String overlayTag(String overlayId) {
    String bare = overlayId.replace("-", "").toLowerCase(Locale.ROOT);
    return bare.length() <= 8 ? bare : bare.substring(0, 8);
  }

  private static String prefix(DeviceIntent intent) {
    return "sdwan-" + intent.overlayTag();
  }

  private static String ikeProposal(DeviceIntent intent) {
    return prefix(intent) + "-ike";
  }

  private static String ipsec(DeviceIntent intent) {
    return prefix(intent) + "-ipsec";
  }

  private static String instance(DeviceIntent intent, String label) {
    return prefix(intent) + "-" + label;
  }

  private static String rule(DeviceIntent intent, int order) {
    return prefix(intent) + "-r" + order;
  }

  private static String metrics(DeviceIntent intent, String slaName) {
    return prefix(intent) + "-sla-" + slaName;
  }

  private static String identity(DeviceIntent intent, int unit, boolean aEnd) {
    return prefix(intent) + "-t" + unit + (aEnd ? "-a" : "-b");
  }

  /** The whole overlay configuration of one device; loading it again changes nothing. */
  public static List<String> render(DeviceIntent intent) {
    List<String> out = new ArrayList<>();
    DeviceIntent.IkeProfile p = intent.profile();
    for (DeviceIntent.WanPort wan : intent.wanLinks()) {
      String unit = "set interfaces " + wan.interfaceName() + " unit 0 family inet ";
      out.add(
          wan.staticAddress() == null ? unit + "dhcp" : unit + "address " + wan.staticAddress());
      out.add(
          "set security zones security-zone untrust interfaces "
              + wan.interfaceName()
              + ".0 host-inbound-traffic system-services ike");
    }
    String ike = ikeProposal(intent);
    String ipsec = ipsec(intent);
    if (!intent.tunnels().isEmpty()) {
      out.add("set security ike proposal " + ike + " authentication-method pre-shared-keys");
      out.add("set security ike proposal " + ike + " dh-group " + p.dhGroup());
      out.add("set security ike proposal " + ike + " encryption-algorithm " + p.encryption());
      out.add("set security ike proposal " + ike + " lifetime-seconds 28800");
      out.add("set security ipsec proposal " + ipsec + " protocol esp");
      out.add("set security ipsec proposal " + ipsec + " encryption-algorithm " + p.encryption());
      out.add("set security ipsec proposal " + ipsec + " lifetime-seconds 3600");
      out.add("set security ipsec policy " + ipsec + " proposals " + ipsec);
      out.add(
          "set security ipsec policy " + ipsec + " perfect-forward-secrecy keys " + p.dhGroup());
    }
    for (DeviceIntent.LocalTunnel t : intent.tunnels()) {
      String name = tunnelName(t.unit());
      String st0 = "st0." + t.unit();
      String gateway = "set security ike gateway " + name;
      out.add(
          "set interfaces st0 unit "
              + t.unit()
              + " family inet address "
              + t.localAddress()
              + "/31");
      out.add("set security ike policy " + name + " proposals " + ike);
      out.add(
          "set security ike policy "
              + name
              + " pre-shared-key ascii-text "
              + quote(t.preSharedKey()));
      out.add(gateway + " ike-policy " + name);
      out.add(gateway + " address " + t.remoteUnderlay());
      out.add(gateway + " external-interface " + t.localInterface() + ".0");
      out.add(gateway + " version " + p.version());
      out.add(gateway + " local-identity hostname " + identity(intent, t.unit(), t.aEnd()));
      out.add(gateway + " remote-identity hostname " + identity(intent, t.unit(), !t.aEnd()));
      if (p.dpd()) {
        out.add(gateway + " dead-peer-detection probe-idle-tunnel");
        out.add(gateway + " dead-peer-detection interval 10");
        out.add(gateway + " dead-peer-detection threshold 3");
      }
      out.add("set security ipsec vpn " + name + " bind-interface " + st0);
      out.add("set security ipsec vpn " + name + " ike gateway " + name);
      out.add("set security ipsec vpn " + name + " ike ipsec-policy " + ipsec);
      out.add("set security ipsec vpn " + name + " establish-tunnels immediately");
      out.add("set security zones security-zone sdwan interfaces " + st0);
      String test = "set services rpm probe " + name + " test " + name;
      out.add(test + " probe-type icmp-ping");
      out.add(test + " target address " + t.remoteAddress());
      out.add(test + " destination-interface " + st0);
      out.add(test + " probe-count 5");
      out.add(test + " test-interval 10");
    }
    for (Map.Entry<String, Set<String>> route : routes(intent).entrySet()) {
      for (String hop : route.getValue()) {
        out.add("set routing-options static route " + route.getKey() + " next-hop " + hop);
      }
    }
    for (Map.Entry<String, List<DeviceIntent.LocalTunnel>> label : byLabel(intent).entrySet()) {
      String instance = instance(intent, label.getKey());
      out.add("set routing-instances " + instance + " instance-type forwarding");
      for (DeviceIntent.LocalTunnel t : label.getValue()) {
        for (String prefix : t.remotePrefixes()) {
          out.add(
              "set routing-instances "
                  + instance
                  + " routing-options static route "
                  + prefix
                  + " next-hop st0."
                  + t.unit());
        }
      }
    }
    if (!intent.steering().isEmpty() && !intent.tunnels().isEmpty()) {
      out.addAll(steering(intent));
    }
    return out;
  }

  private static List<String> steering(DeviceIntent intent) {
    List<String> out = new ArrayList<>();
    String apbr = "set security advance-policy-based-routing ";
    Set<String> labels = byLabel(intent).keySet();
    for (DeviceIntent.Steering s : intent.steering()) {
      String metrics = metrics(intent, s.slaName());
      String rule = rule(intent, s.order());
      out.add(
          apbr + "metrics-profile " + metrics + " sla-threshold packet-loss " + s.maxLossPercent());
      out.add(
          apbr
              + "metrics-profile "
              + metrics
              + " sla-threshold delay-round-trip "
              + s.maxRttMs() * 1000);
      out.add(
          apbr + "metrics-profile " + metrics + " sla-threshold jitter " + s.maxJitterMs() * 1000);
      out.add(apbr + "sla-rule " + rule + " metrics-profile " + metrics);
      out.add(apbr + "sla-rule " + rule + " switch-idle-time 40");
      String match = apbr + "profile " + APBR_PROFILE + " rule " + rule + " match ";
      if (s.application() != null) {
        out.add(match + "dynamic-application " + application(s.application()));
      } else {
        out.add(match + "dscp " + s.dscp());
      }
      String label =
          s.preferredPathLabel() != null && labels.contains(s.preferredPathLabel())
              ? s.preferredPathLabel()
              : labels.iterator().next();
      String then = apbr + "profile " + APBR_PROFILE + " rule " + rule + " then ";
      out.add(then + "routing-instance " + instance(intent, label));
      out.add(then + "sla-rule " + rule);
    }
    out.add(
        "set security zones security-zone trust advance-policy-based-routing-profile "
            + APBR_PROFILE);
    return out;
  }

  /**
   * What takes away a previous intent's parts that the new one no longer has: whole tunnels (VPN,
   * gateway, policy, probe, st0 unit), routes to prefixes no longer reached, steering rules and
   * forwarding instances no longer used, and once the overlay has no tunnel left on the device its
   * own proposals — but not what overlays share (zone {@code sdwan}, the APBR profile and its
   * binding, a route's other next hops) while another overlay has tunnels there. Empty when nothing
   * went away.
   */
  public static List<String> removal(DeviceIntent previous, DeviceIntent next) {
    List<String> out = new ArrayList<>();
    boolean shared = next.sharedDevice();
    Set<Integer> kept = new LinkedHashSet<>();
    next.tunnels().forEach(t -> kept.add(t.unit()));
    for (DeviceIntent.LocalTunnel t : previous.tunnels()) {
      if (kept.contains(t.unit())) {
        continue;
      }
      String name = tunnelName(t.unit());
      out.add("delete security ipsec vpn " + name);
      out.add("delete security ike gateway " + name);
      out.add("delete security ike policy " + name);
      out.add("delete services rpm probe " + name);
      out.add("delete security zones security-zone sdwan interfaces st0." + t.unit());
      out.add("delete interfaces st0 unit " + t.unit());
    }
    out.addAll(wanRemoval(previous, next));
    Map<String, Set<String>> oldRoutes = routes(previous);
    Map<String, Set<String>> newRoutes = routes(next);
    for (Map.Entry<String, Set<String>> route : oldRoutes.entrySet()) {
      Set<String> now = newRoutes.get(route.getKey());
      if (now == null && !next.routedByOthers().contains(route.getKey())) {
        // a route with no next hop left is refused at commit: it goes as a whole
        out.add("delete routing-options static route " + route.getKey());
      } else if (now == null || !now.containsAll(route.getValue())) {
        // another overlay may route the same prefix: only this overlay's next hops go
        for (String hop : route.getValue()) {
          if (now == null || !now.contains(hop)) {
            out.add("delete routing-options static route " + route.getKey() + " next-hop " + hop);
          }
        }
      }
    }
    Set<String> labels = byLabel(next).keySet();
    for (String label : byLabel(previous).keySet()) {
      if (!labels.contains(label)) {
        out.add("delete routing-instances " + instance(previous, label));
      } else {
        Set<String> nowPrefixes = new LinkedHashSet<>();
        byLabel(next).get(label).forEach(t -> nowPrefixes.addAll(t.remotePrefixes()));
        for (DeviceIntent.LocalTunnel t : byLabel(previous).get(label)) {
          for (String prefix : t.remotePrefixes()) {
            if (!nowPrefixes.contains(prefix)) {
              out.add(
                  "delete routing-instances "
                      + instance(previous, label)
                      + " routing-options static route "
                      + prefix);
            }
          }
        }
      }
    }
    Set<Integer> rules = new LinkedHashSet<>();
    Set<String> metricsUsed = new LinkedHashSet<>();
    if (!next.tunnels().isEmpty()) {
      next.steering().forEach(s -> rules.add(s.order()));
      next.steering().forEach(s -> metricsUsed.add(metrics(next, s.slaName())));
    }
    if (!previous.tunnels().isEmpty()) {
      String apbr = "delete security advance-policy-based-routing ";
      for (DeviceIntent.Steering s : previous.steering()) {
        if (!rules.contains(s.order())) {
          out.add(apbr + "profile " + APBR_PROFILE + " rule " + rule(previous, s.order()));
          out.add(apbr + "sla-rule " + rule(previous, s.order()));
        }
        if (!metricsUsed.contains(metrics(previous, s.slaName()))) {
          out.add(apbr + "metrics-profile " + metrics(previous, s.slaName()));
        }
      }
    }
    if (next.tunnels().isEmpty() && !previous.tunnels().isEmpty()) {
      out.add("delete security ipsec policy " + ipsec(previous));
      out.add("delete security ipsec proposal " + ipsec(previous));
      out.add("delete security ike proposal " + ikeProposal(previous));
      if (!shared) {
        out.add("delete security advance-policy-based-routing profile " + APBR_PROFILE);
        out.add("delete security zones security-zone trust advance-policy-based-routing-profile");
        out.add("delete security zones security-zone sdwan");
      }
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }

  /**
   * What takes away the WAN addressing the overlay set and no longer wants: a port whose address
   * changed loses the old one (or its dhcp), and a port that is no longer a WAN link of the site
   * loses its addressing and its ike host-inbound service, unless another overlay uses the device
   * (it renders the same ports).
   */
  private static List<String> wanRemoval(DeviceIntent previous, DeviceIntent next) {
    Map<String, DeviceIntent.WanPort> now = new LinkedHashMap<>();
    next.wanLinks().forEach(p -> now.put(p.interfaceName(), p));
    List<String> out = new ArrayList<>();
    for (DeviceIntent.WanPort old : previous.wanLinks()) {
      DeviceIntent.WanPort port = now.get(old.interfaceName());
      String family = "delete interfaces " + old.interfaceName() + " unit 0 family inet ";
      String addressing = old.staticAddress() == null ? "dhcp" : "address " + old.staticAddress();
      if (port == null && !next.sharedDevice()) {
        out.add(family + addressing);
        out.add(
            "delete security zones security-zone untrust interfaces "
                + old.interfaceName()
                + ".0 host-inbound-traffic system-services ike");
      } else if (port != null && !Objects.equals(port.staticAddress(), old.staticAddress())) {
        out.add(family + addressing);
      }
    }
    return out;
  }

  /**
   * Deletes of the stanzas this overlay had on the device under the names used before per-overlay
   * naming: the proposals {@code sdwan-ike}/{@code sdwan-ipsec} (and each tunnel policy's reference
   * to the old IKE proposal) unless {@code keepSharedProposals} (another overlay on the device may
   * still use them), the instances {@code sdwan-<label>}, the APBR rules {@code sdwan-r<order>} and
   * metrics profiles {@code sla-<name>} of its labels and steering rules before and after. Junos
   * ignores a delete of what is not there, so a device without them is left as it is.
   */
  public static List<String> legacyRemoval(
      DeviceIntent previous, DeviceIntent next, boolean keepSharedProposals) {
    List<String> out = new ArrayList<>();
    Set<Integer> units = new LinkedHashSet<>();
    Set<String> labels = new LinkedHashSet<>();
    List<DeviceIntent.Steering> rules = new ArrayList<>();
    for (DeviceIntent intent : List.of(previous, next)) {
      intent.tunnels().forEach(t -> units.add(t.unit()));
      labels.addAll(byLabel(intent).keySet());
      rules.addAll(intent.steering());
    }
    if (!keepSharedProposals) {
      for (int unit : units) {
        out.add("delete security ike policy " + tunnelName(unit) + " proposals sdwan-ike");
      }
      out.add("delete security ipsec policy sdwan-ipsec");
      out.add("delete security ipsec proposal sdwan-ipsec");
      out.add("delete security ike proposal sdwan-ike");
    }
    for (String label : labels) {
      out.add("delete routing-instances sdwan-" + label);
    }
    String apbr = "delete security advance-policy-based-routing ";
    for (DeviceIntent.Steering s : rules) {
      out.add(apbr + "profile " + APBR_PROFILE + " rule sdwan-r" + s.order());
      out.add(apbr + "sla-rule sdwan-r" + s.order());
      out.add(apbr + "metrics-profile sla-" + s.slaName());
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }

  /** Everything the overlay put on a device, for compensation: the whole overlay taken away. */
  public static List<String> removeAll(DeviceIntent previous) {
    DeviceIntent none =
        new DeviceIntent(
            previous.siteId(),
            previous.modelFamily(),
            previous.wanLinks(),
            List.of(),
            previous.profile(),
            List.of(),
            previous.overlayTag(),
            previous.sharedDevice(),
            previous.routedByOthers());
    return removal(previous, none);
  }

  private static Map<String, Set<String>> routes(DeviceIntent intent) {
    Map<String, Set<String>> routes = new LinkedHashMap<>();
    for (DeviceIntent.LocalTunnel t : intent.tunnels()) {
      for (String prefix : t.remotePrefixes()) {
        routes.computeIfAbsent(prefix, k -> new LinkedHashSet<>()).add("st0." + t.unit());
      }
    }
    return routes;
  }

  private static Map<String, List<DeviceIntent.LocalTunnel>> byLabel(DeviceIntent intent) {
    Map<String, List<DeviceIntent.LocalTunnel>> labels = new LinkedHashMap<>();
    for (DeviceIntent.LocalTunnel t : intent.tunnels()) {
      labels.computeIfAbsent(t.pathLabel(), k -> new ArrayList<>()).add(t);
    }
    return labels;
  }

  /** {@code junos-sip} → {@code junos:SIP}, the dynamic-application name APBR matches. */
  static String application(String name) {
    String bare = name.startsWith("junos-") ? name.substring("junos-".length()) : name;
    return "junos:" + bare.toUpperCase(Locale.ROOT);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
