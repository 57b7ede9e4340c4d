package io.switchboard.inventory.firewall.render;

import io.switchboard.inventory.firewall.model.AddressDef;
import io.switchboard.inventory.firewall.model.ApplicationDef;
import io.switchboard.inventory.firewall.model.GroupDef;
import io.switchboard.inventory.firewall.model.OtherPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.firewall.model.ZoneDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a policy version as Junos {@code set} commands for an SRX, and the incremental change
 * from the deployed version to a new one: objects and rules that appear are set, rules are put in
 * place with {@code insert ... before|after policy}, rules and objects that disappear are deleted,
 * and nothing else is touched (never delete-all-and-set).
 */
public final class JunosFirewallRenderer {
  static final String ADDRESS = "security address-book global address ";
  static final String ADDRESS_SET = "security address-book global address-set ";
  static final String APPLICATION = "applications application ";
  static final String APPLICATION_SET = "applications application-set ";
  static final String POLICIES = "security policies ";

  private JunosFirewallRenderer() {}

  /** The whole configuration of a version on a device of a site with {@code zones}. */
  public static List<String> full(PolicySnapshot version, List<ZoneDef> zones) {
    return incremental(null, version, zones);
  }

  /**
   * The commands that turn a device running {@code deployed} (null: nothing of the policy yet) into
   * one running {@code next}. Zones referenced by {@code next} and not by {@code deployed} get
   * their interfaces; zones are never deleted (interfaces belong to the site, not the policy).
   */
  public static List<String> incremental(
      PolicySnapshot deployed, PolicySnapshot next, List<ZoneDef> zones) {
    return incremental(deployed, next, zones, OtherPolicies.NONE);
  }

  /**
   * {@link #incremental(PolicySnapshot, PolicySnapshot, List)} on a device that also runs {@code
   * others}: this policy's rules go into their place among the others' rules in each pair (moving
   * across them when its place changed), and objects another policy still names are kept.
   */
  public static List<String> incremental(
      PolicySnapshot deployed, PolicySnapshot next, List<ZoneDef> zones, OtherPolicies others) {
    return incremental(deployed, next, zones, zones, others);
  }

  /**
   * The change on a device whose zones had the interfaces {@code zonesBefore} when {@code deployed}
   * went there and have {@code zones} now: a zone both versions name gets the interfaces it gained
   * and loses those it lost; a zone only {@code next} names gets all of its interfaces.
   */
  public static List<String> incremental(
      PolicySnapshot deployed,
      PolicySnapshot next,
      List<ZoneDef> zonesBefore,
      List<ZoneDef> zones,
      OtherPolicies others) {
    PolicySnapshot old = deployed == null ? PolicySnapshot.empty(next.policyName()) : deployed;
    List<String> out = new ArrayList<>();
    zones(old, next, zonesBefore, zones, out);
    // Objects first, so that rules set below never name something missing.
    Set<String> kept = others.objectNames();
    objects(addressLines(old), addressLines(next), kept, out, false);
    objects(applicationLines(old), applicationLines(next), kept, out, false);
    Map<String, List<RuleDef>> oldPairs = pairs(old);
    Map<String, List<RuleDef>> newPairs = pairs(next);
    for (String pair : oldPairs.keySet()) {
      if (!newPairs.containsKey(pair)) {
        for (RuleDef r : oldPairs.get(pair)) {
          out.add("delete " + POLICIES + pair + " policy " + r.name());
        }
      }
    }
    for (Map.Entry<String, List<RuleDef>> e : newPairs.entrySet()) {
      PolicyOrder.change(
          e.getKey(),
          oldPairs.getOrDefault(e.getKey(), List.of()),
          e.getValue(),
          inPair(e.getKey(), others),
          out);
    }
    // Objects no longer referenced go last, sets before their members.
    objects(applicationLines(old), applicationLines(next), kept, out, true);
    objects(addressLines(old), addressLines(next), kept, out, true);
    return out;
  }

  /**
   * The rules the change from {@code deployed} (null: nothing) to {@code next} puts in place with
   * an {@code insert} (moved, or new and not last), in any zone pair of theirs.
   */
  public static Set<String> repositioned(
      PolicySnapshot deployed, PolicySnapshot next, OtherPolicies others) {
    PolicySnapshot old = deployed == null ? PolicySnapshot.empty(next.policyName()) : deployed;
    Map<String, List<RuleDef>> oldPairs = pairs(old);
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, List<RuleDef>> e : pairs(next).entrySet()) {
      out.addAll(
          PolicyOrder.inserted(
              oldPairs.getOrDefault(e.getKey(), List.of()),
              e.getValue(),
              inPair(e.getKey(), others)));
    }
    return out;
  }

  /** The other policies' rules in a pair named {@code from-zone A to-zone B}. */
  private static OtherPolicies.PairRules inPair(String pair, OtherPolicies others) {
    String[] words = pair.split(" ");
    return others.inPair(words[1], words[3]);
  }

  private static void zones(
      PolicySnapshot old,
      PolicySnapshot next,
      List<ZoneDef> zonesBefore,
      List<ZoneDef> zones,
      List<String> out) {
    Set<String> before = referencedZones(old);
    for (String zone : referencedZones(next)) {
      List<String> had = before.contains(zone) ? interfaces(zonesBefore, zone) : List.of();
      List<String> has = interfaces(zones, zone);
      String path = "security zones security-zone " + zone + " interfaces ";
      for (String itf : has) {
        if (!had.contains(itf)) {
          out.add("set " + path + itf);
        }
      }
      for (String itf : had) {
        if (!has.contains(itf)) {
          out.add("delete " + path + itf);
        }
      }
    }
  }

  private static List<String> interfaces(List<ZoneDef> zones, String zone) {
    for (ZoneDef z : zones) {
      if (z.name().equals(zone)) {
        return z.interfaces();
      }
    }
    return List.of();
  }

  static Set<String> referencedZones(PolicySnapshot s) {
    Set<String> zones = new LinkedHashSet<>();
    for (RuleDef r : s.rules()) {
      if (r.enabled()) {
        zones.addAll(r.fromZones());
        zones.addAll(r.toZones());
      }
    }
    return zones;
  }

  /** Enabled rules per {@code from-zone A to-zone B}, in policy order. */
  static Map<String, List<RuleDef>> pairs(PolicySnapshot s) {
    Map<String, List<RuleDef>> pairs = new LinkedHashMap<>();
    for (RuleDef r : s.rules()) {
      if (!r.enabled()) {
        continue;
      }
      for (String from : r.fromZones()) {
        for (String to : r.toZones()) {
          pairs
              .computeIfAbsent("from-zone " + from + " to-zone " + to, k -> new ArrayList<>())
              .add(r);
        }
      }
    }
    return pairs;
  }

  /** The leaf lines of one rule inside its zone pair, without the verb. */
  static List<String> ruleLines(String pair, RuleDef r) {
    String p = POLICIES + pair + " policy " + r.name() + " ";
    List<String> lines = new ArrayList<>();
    r.sources().forEach(a -> lines.add(p + "match source-address " + a));
    r.destinations().forEach(a -> lines.add(p + "match destination-address " + a));
    r.applications().forEach(a -> lines.add(p + "match application " + a));
    lines.add(p + "then " + r.action().junos());
    if (r.logInit()) {
      lines.add(p + "then log session-init");
    }
    if (r.logClose()) {
      lines.add(p + "then log session-close");
    }
    if (r.count()) {
      lines.add(p + "then count");
    }
    return lines;
  }

  /** Per object (by its path), the leaf lines that define it, in rendering order. */
  private static Map<String, List<String>> addressLines(PolicySnapshot s) {
    Map<String, List<String>> objects = new LinkedHashMap<>();
    for (AddressDef a : s.addresses()) {
      String path = ADDRESS + a.name();
      objects.put(
          path,
          List.of(
              switch (a.kind()) {
                case PREFIX -> path + " " + a.value();
                case RANGE -> path + " range-address " + a.value() + " to " + a.valueTo();
                case DNS -> path + " dns-name " + a.value();
              }));
    }
    for (GroupDef g : s.addressGroups()) {
      objects.put(ADDRESS_SET + g.name(), members(ADDRESS_SET + g.name(), g, s, true));
    }
    return objects;
  }

  private static Map<String, List<String>> applicationLines(PolicySnapshot s) {
    Map<String, List<String>> objects = new LinkedHashMap<>();
    for (ApplicationDef a : s.applications()) {
      String path = APPLICATION + a.name();
      List<String> lines = new ArrayList<>();
      lines.add(path + " protocol " + a.protocol());
      if (a.destinationPort() != null) {
        lines.add(path + " destination-port " + a.destinationPort());
      }
      objects.put(path, lines);
    }
    for (GroupDef g : s.applicationSets()) {
      objects.put(APPLICATION_SET + g.name(), members(APPLICATION_SET + g.name(), g, s, false));
    }
    return objects;
  }

  private static List<String> members(String path, GroupDef g, PolicySnapshot s, boolean address) {
    List<String> lines = new ArrayList<>();
    for (String m : g.members()) {
      boolean nested = address ? s.addressGroup(m).isPresent() : s.applicationSet(m).isPresent();
      String word =
          address
              ? (nested ? "address-set " : "address ")
              : (nested ? "application-set " : "application ");
      lines.add(path + " " + word + m);
    }
    return lines;
  }

  /**
   * Additions and changes ({@code removals} false) or deletions of objects no longer referenced by
   * this policy nor by another on the device ({@code kept}) ({@code removals} true). A changed
   * object has its old leaves deleted and its new ones set.
   */
  private static void objects(
      Map<String, List<String>> old,
      Map<String, List<String>> next,
      Set<String> kept,
      List<String> out,
      boolean removals) {
    if (removals) {
      List<String> gone = new ArrayList<>(old.keySet());
      gone.removeAll(next.keySet());
      gone.removeIf(path -> kept.contains(path.substring(path.lastIndexOf(' ') + 1)));
      // Sets were rendered after plain objects; delete them first.
      for (int i = gone.size() - 1; i >= 0; i--) {
        out.add("delete " + gone.get(i));
      }
      return;
    }
    for (Map.Entry<String, List<String>> e : next.entrySet()) {
      List<String> before = old.getOrDefault(e.getKey(), List.of());
      LeafDiff.apply(before, e.getValue(), out);
    }
  }
}
