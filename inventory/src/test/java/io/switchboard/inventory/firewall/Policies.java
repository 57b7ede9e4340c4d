package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.model.AddressDef;
import io.switchboard.inventory.firewall.model.AddressKind;
import io.switchboard.inventory.firewall.model.ApplicationDef;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.GroupDef;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.firewall.model.ZoneDef;
import java.util.ArrayList;
import java.util.List;

/** Test data: a small office policy and a builder for rules. */
final class Policies {
  static final List<ZoneDef> ZONES =
      List.of(
          new ZoneDef("trust", List.of("ge-0/0/1.0")),
          new ZoneDef("untrust", List.of("ge-0/0/0.0")),
          new ZoneDef("dmz", List.of("ge-0/0/2.0")));

  static final List<AddressDef> ADDRESSES =
      List.of(
          new AddressDef("lan", AddressKind.PREFIX, "10.1.0.0/16", null),
          new AddressDef("web-servers", AddressKind.PREFIX, "10.2.0.0/24", null),
          new AddressDef("printers", AddressKind.RANGE, "10.1.9.10", "10.1.9.20"),
          new AddressDef("updates", AddressKind.DNS, "updates.example.com", null));

  private Policies() {}

  static RuleDef rule(
      String name,
      String from,
      String to,
      String src,
      String dst,
      String app,
      FirewallAction action) {
    return new RuleDef(
        name,
        List.of(from),
        List.of(to),
        List.of(src),
        List.of(dst),
        List.of(app),
        action,
        false,
        false,
        false,
        true);
  }

  static RuleDef permit(String name, String src, String dst, String app) {
    return rule(name, "trust", "untrust", src, dst, app, FirewallAction.PERMIT);
  }

  static RuleDef deny(String name, String src, String dst, String app) {
    return rule(name, "trust", "untrust", src, dst, app, FirewallAction.DENY);
  }

  /** Only the objects the rules reference, as a publish freezes them. */
  static PolicySnapshot snapshot(List<RuleDef> rules) {
    List<AddressDef> addresses = new ArrayList<>();
    List<GroupDef> groups = new ArrayList<>();
    List<ApplicationDef> apps = new ArrayList<>();
    List<GroupDef> sets = new ArrayList<>();
    for (RuleDef r : rules) {
      for (String a : concat(r.sources(), r.destinations())) {
        if (a.equals("office")) {
          add(groups, new GroupDef("office", List.of("lan", "printers")));
          add(addresses, ADDRESSES.get(0));
          add(addresses, ADDRESSES.get(2));
        }
        ADDRESSES.stream().filter(d -> d.name().equals(a)).forEach(d -> add(addresses, d));
      }
      for (String app : r.applications()) {
        if (app.equals("web-alt")) {
          add(apps, new ApplicationDef("web-alt", "tcp", "8080-8088"));
        }
        if (app.equals("web")) {
          add(apps, new ApplicationDef("web-alt", "tcp", "8080-8088"));
          add(sets, new GroupDef("web", List.of("junos-http", "junos-https", "web-alt")));
        }
      }
    }
    return new PolicySnapshot("office", rules, addresses, groups, apps, sets);
  }

  private static <T> void add(List<T> list, T item) {
    if (!list.contains(item)) {
      list.add(item);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
