package io.switchboard.devices.firewall;

import io.switchboard.devices.config.ConfigTree;
import io.switchboard.devices.config.Xml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The security part of a simulated device's configuration, read from its XML: the global address
 * book, applications, zones and the ordered policies of each zone pair.
 */
record SecurityConfig(
    Map<String, Element> addresses,
    Map<String, List<Member>> addressSets,
    Map<String, Element> applications,
    Map<String, List<Member>> applicationSets,
    Set<String> zones,
    List<ZonePair> pairs) {

  /** A member of an address-set or application-set: an object or a nested set. */
  record Member(String name, boolean set) {}

  record ZonePair(String from, String to, List<Policy> policies) {}

  record Policy(
      String name,
      List<String> sources,
      List<String> destinations,
      List<String> applications,
      String action) {}

  static SecurityConfig of(Element configuration) {
    Map<String, Element> addresses = new LinkedHashMap<>();
    Map<String, List<Member>> addressSets = new LinkedHashMap<>();
    for (Element book :
        Xml.children(orEmpty(Xml.child(configuration, "security")), "address-book")) {
      for (Element a : Xml.children(book, "address")) {
        addresses.put(key(a), a);
      }
      for (Element s : Xml.children(book, "address-set")) {
        addressSets.put(key(s), members(s, "address", "address-set"));
      }
    }
    Map<String, Element> applications = new LinkedHashMap<>();
    Map<String, List<Member>> applicationSets = new LinkedHashMap<>();
    Element apps = Xml.child(configuration, "applications");
    if (apps != null) {
      for (Element a : Xml.children(apps, "application")) {
        applications.put(key(a), a);
      }
      for (Element s : Xml.children(apps, "application-set")) {
        applicationSets.put(key(s), members(s, "application", "application-set"));
      }
    }
    Set<String> zones = new java.util.LinkedHashSet<>();
    Element zonesElement = Xml.path(configuration, "security", "zones");
    if (zonesElement != null) {
      for (Element z : Xml.children(zonesElement, "security-zone")) {
        zones.add(key(z));
      }
    }
    List<ZonePair> pairs = new ArrayList<>();
    Element policies = Xml.path(configuration, "security", "policies");
    if (policies != null) {
      for (Element from : Xml.children(policies, "from-zone")) {
        for (Element to : Xml.children(from, "to-zone")) {
          List<Policy> list = new ArrayList<>();
          for (Element p : Xml.children(to, "policy")) {
            Element match = orEmpty(Xml.child(p, "match"));
            Element then = orEmpty(Xml.child(p, "then"));
            String action =
                Xml.child(then, "permit") != null
                    ? "permit"
                    : Xml.child(then, "reject") != null
                        ? "reject"
                        : Xml.child(then, "deny") != null ? "deny" : null;
            list.add(
                new Policy(
                    key(p),
                    keys(match, "source-address"),
                    keys(match, "destination-address"),
                    keys(match, "application"),
                    action));
          }
          pairs.add(new ZonePair(key(from), key(to), list));
        }
      }
    }
    return new SecurityConfig(addresses, addressSets, applications, applicationSets, zones, pairs);
  }

  private static Element orEmpty(Element e) {
    return e == null ? Xml.newDocument().createElement("empty") : e;
  }

  static String key(Element e) {
    return Xml.hasElementChildren(e) ? Xml.childText(e, ConfigTree.KEY) : Xml.text(e);
  }

  private static List<String> keys(Element parent, String name) {
    return Xml.children(parent, name).stream().map(SecurityConfig::key).toList();
  }

  private static List<Member> members(Element set, String object, String nested) {
    List<Member> out = new ArrayList<>();
    for (Element child : Xml.children(set)) {
      String n = Xml.name(child);
      if (n.equals(object) || n.equals(nested)) {
        out.add(new Member(key(child), n.equals(nested)));
      }
    }
    return out;
  }
}
