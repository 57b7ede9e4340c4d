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
 * this change's to delete. {@code formerlyPreceding} is how many of them (in device order) came
 * before it on the device until now: it differs from {@code preceding.size()} when the policy's
 * priority changed since its last deployment, and its rules then move across theirs.
 */
public record OtherPolicies(
    List<PolicySnapshot> preceding, List<PolicySnapshot> following, int formerlyPreceding) {
  public static final OtherPolicies NONE = new OtherPolicies(List.of(), List.of());

  public OtherPolicies {
    preceding = List.copyOf(preceding);
    following = List.copyOf(following);
    if (formerlyPreceding < 0 || formerlyPreceding > preceding.size() + following.size()) {
      throw new IllegalArgumentException(
          "formerlyPreceding " + formerlyPreceding + " out of range");
    }
  }

  /** Others around a policy whose place among them has not changed. */
  public OtherPolicies(List<PolicySnapshot> preceding, List<PolicySnapshot> following) {
    this(preceding, following, preceding.size());
  }

  /**
   * The other policies' enabled rules in the zone pair {@code from -> to}, in device order, and
   * where this policy's rules go among them now and went until now.
   */
  public PairRules inPair(String from, String to) {
    List<String> names = new ArrayList<>();
    int now = 0;
    int former = 0;
    List<PolicySnapshot> order = all();
    for (int i = 0; i < order.size(); i++) {
      for (RuleDef r : order.get(i).rules()) {
        if (r.enabled() && r.fromZones().contains(from) && r.toZones().contains(to)) {
          names.add(r.name());
        }
      }
      if (i < preceding.size()) {
        now = names.size();
      }
      if (i < formerlyPreceding) {
        former = names.size();
      }
    }
    return new PairRules(List.copyOf(names), now, former);
  }

  /**
   * The other policies' rules of one zone pair in device order; this policy's rules go after the
   * first {@code precedingNow} of them, and went after the first {@code precedingBefore}.
   */
  public record PairRules(List<String> names, int precedingNow, int precedingBefore) {}

  public boolean isEmpty() {
    return preceding.isEmpty() && following.isEmpty();
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
    return combined(own, preceding.size());
  }

  /**
   * The policy the device enforced with {@code own} in the place it had until now ({@code
   * formerlyPreceding}): what the device ran before a change of priority.
   */
  public PolicySnapshot combinedFormerly(PolicySnapshot own) {
    return combined(own, formerlyPreceding);
  }

  /** Every other policy, in device order. */
  public List<PolicySnapshot> all() {
    List<PolicySnapshot> all = new ArrayList<>(preceding);
    all.addAll(following);
    return all;
  }

  private PolicySnapshot combined(PolicySnapshot own, int before) {
    List<PolicySnapshot> order = new ArrayList<>(all());
    order.add(before, own);
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
}
