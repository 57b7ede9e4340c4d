package io.switchboard.inventory.firewall.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other Switchboard policies a device runs, as the versions it runs of them, in device order
 * around the one being changed: {@code preceding} ones have their rules before it in every zone
 * pair, {@code following} ones after it (policies are ordered by priority, then name —
 * docs/firewall.md). Their rules are not this change's to move, and the objects they name are not
 * this change's to delete.
 */
public record OtherPolicies(List<PolicySnapshot> preceding, List<PolicySnapshot> following) {
  public static final OtherPolicies NONE = new OtherPolicies(List.of(), List.of());

  public OtherPolicies {
    preceding = List.copyOf(preceding);
    following = List.copyOf(following);
  }

  public boolean isEmpty() {
    return preceding.isEmpty() && following.isEmpty();
  }

  /**
   * The first rule, in device order, of a following policy in the zone pair {@code from -> to};
   * null when no following policy has a rule there.
   */
  public String firstFollowing(String from, String to) {
    for (PolicySnapshot s : following) {
      for (RuleDef r : s.rules()) {
        if (r.enabled() && r.fromZones().contains(from) && r.toZones().contains(to)) {
          return r.name();
        }
      }
    }
    return null;
  }

  /** Names of the addresses, groups, applications and sets the other policies use. */
  public Set<String> objectNames() {
    Set<String> names = new LinkedHashSet<>();
    for (PolicySnapshot s : all()) {
      s.addresses().forEach(a -> names.add(a.name()));
      s.addressGroups().forEach(g -> names.add(g.name()));
      s.applications().forEach(a -> names.add(a.name()));
      s.applicationSets().forEach(g -> names.add(g.name()));
    }
    return names;
  }

  /**
   * The policy a device enforces with {@code own} in its place: every rule in device order, and the
   * objects of all (where two versions froze an object of one name, the first keeps it).
   */
  public PolicySnapshot combined(PolicySnapshot own) {
    List<PolicySnapshot> order = new ArrayList<>(preceding);
    order.add(own);
    order.addAll(following);
    List<RuleDef> rules = new ArrayList<>();
    Map<String, AddressDef> addresses = new LinkedHashMap<>();
    Map<String, GroupDef> groups = new LinkedHashMap<>();
    Map<String, ApplicationDef> applications = new LinkedHashMap<>();
    Map<String, GroupDef> sets = new LinkedHashMap<>();
    for (PolicySnapshot s : order) {
      rules.addAll(s.rules());
      s.addresses().forEach(a -> addresses.putIfAbsent(a.name(), a));
      s.addressGroups().forEach(g -> groups.putIfAbsent(g.name(), g));
      s.applications().forEach(a -> applications.putIfAbsent(a.name(), a));
      s.applicationSets().forEach(g -> sets.putIfAbsent(g.name(), g));
    }
    return new PolicySnapshot(
        own.policyName(),
        rules,
        List.copyOf(addresses.values()),
        List.copyOf(groups.values()),
        List.copyOf(applications.values()),
        List.copyOf(sets.values()));
  }

  private List<PolicySnapshot> all() {
    List<PolicySnapshot> all = new ArrayList<>(preceding);
    all.addAll(following);
    return all;
  }
}
