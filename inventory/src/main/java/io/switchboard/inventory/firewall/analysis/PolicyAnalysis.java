package io.switchboard.inventory.firewall.analysis;

import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.OtherPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Static analysis of a policy version (pure): shadowed and redundant rules, and the example flows
 * whose verdict changes between two versions. Sessions no rule matches are denied (the Junos
 * default policy). Disabled rules are not rendered and not analysed.
 */
public final class PolicyAnalysis {
  /** Sample source, destination and service used where a rule says {@code any}. */
  static final String ANY_SOURCE = "203.0.113.10";

  static final String ANY_DESTINATION = "198.51.100.10";

  private PolicyAnalysis() {}

  /** Shadowed and redundant rules of one version, in rule order. */
  public static List<Finding> findings(PolicySnapshot s) {
    List<RuleDef> rules = enabled(s);
    List<RuleMatch> matches = rules.stream().map(r -> RuleMatch.of(r, s)).toList();
    List<Finding> out = new ArrayList<>();
    for (int j = 0; j < rules.size(); j++) {
      RuleDef later = rules.get(j);
      Finding found = null;
      for (int i = 0; i < j && found == null; i++) {
        if (matches.get(i).covers(matches.get(j))) {
          RuleDef earlier = rules.get(i);
          found =
              earlier.action() == later.action()
                  ? new Finding(
                      Finding.Kind.REDUNDANT,
                      later.name(),
                      earlier.name(),
                      "'"
                          + earlier.name()
                          + "' already matches everything it does, with the same action")
                  : new Finding(
                      Finding.Kind.SHADOWED,
                      later.name(),
                      earlier.name(),
                      "never matched: '"
                          + earlier.name()
                          + "' comes first and "
                          + earlier.action().junos()
                          + "s all its sessions");
        }
      }
      if (found == null) {
        found = redundantBeforeWiderRule(rules, matches, j);
      }
      if (found != null) {
        out.add(found);
      }
    }
    return out;
  }

  /**
   * A rule inside a later rule with the same action, where no rule between them sees any of its
   * sessions with another action: removing it changes no verdict.
   */
  private static Finding redundantBeforeWiderRule(List<RuleDef> rules, List<RuleMatch> m, int i) {
    for (int j = i + 1; j < rules.size(); j++) {
      if (rules.get(j).action() != rules.get(i).action()) {
        if (m.get(j).overlaps(m.get(i))) {
          return null;
        }
        continue;
      }
      if (m.get(j).covers(m.get(i)) && !m.get(i).covers(m.get(j))) {
        // (two rules that match the same sessions: the later one is the redundant one)
        return new Finding(
            Finding.Kind.REDUNDANT,
            rules.get(i).name(),
            rules.get(j).name(),
            "'" + rules.get(j).name() + "' further down gives all its sessions the same verdict");
      }
    }
    return null;
  }

  /** The verdict of one flow: the first enabled rule matching it, or the default deny. */
  public static Verdict verdict(PolicySnapshot s, Flow flow) {
    for (RuleDef r : enabled(s)) {
      if (RuleMatch.of(r, s).matches(flow)) {
        return new Verdict(r.action(), r.name());
      }
    }
    return new Verdict(FirewallAction.DENY, null);
  }

  /** A verdict: the action and the rule that decided (null: the default policy). */
  public record Verdict(FirewallAction action, String rule) {}

  /** A flow to ask a device about, and the verdict the version gives it. */
  public record Probe(Flow flow, Verdict expected) {}

  /**
   * One probe per enabled rule: its example flow (skipped when it names a DNS address, which a
   * device lookup cannot take) and the first-match verdict of the whole version, so a shadowed
   * rule's probe expects the rule that shadows it. Identical flows are probed once.
   */
  public static List<Probe> probes(PolicySnapshot s) {
    return probes(null, s, Set.of());
  }

  /**
   * The probes a device needs that goes from {@code before} (null: nothing of the policy) to {@code
   * after}: the example flow of every rule whose verdict can change — new rules, rules changed
   * (match, action, zones, or the objects they name), rules the change moves ({@code repositioned})
   * — and every example flow of either version whose verdict (action or deciding rule) differs
   * between the two, so a removed rule's sessions are asked about too. Each expects the first-match
   * verdict of {@code after}. A rule none of this touches decides the same sessions as before; its
   * place is checked by the rule order, not by a probe.
   */
  public static List<Probe> probes(
      PolicySnapshot before, PolicySnapshot after, Set<String> repositioned) {
    return probes(before, after, repositioned, OtherPolicies.NONE);
  }

  /**
   * {@link #probes(PolicySnapshot, PolicySnapshot, Set)} on a device that also runs {@code others}:
   * each probe expects the verdict of every rule on the device in device order, so a preceding
   * policy that decides a flow first is what the device must answer.
   */
  public static List<Probe> probes(
      PolicySnapshot before, PolicySnapshot after, Set<String> repositioned, OtherPolicies others) {
    PolicySnapshot old = before == null ? PolicySnapshot.empty(after.policyName()) : before;
    List<RuleDef> oldRules = enabled(old);
    List<RuleMatch> oldMatches = oldRules.stream().map(r -> RuleMatch.of(r, old)).toList();
    java.util.Map<String, Integer> oldIndex = new java.util.HashMap<>();
    for (int i = 0; i < oldRules.size(); i++) {
      oldIndex.put(oldRules.get(i).name(), i);
    }
    List<RuleDef> rules = enabled(after);
    List<RuleMatch> matches = rules.stream().map(r -> RuleMatch.of(r, after)).toList();
    Set<Flow> flows = new LinkedHashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleDef r = rules.get(i);
      Integer was = oldIndex.get(r.name());
      boolean touched =
          was == null
              || !oldRules.get(was).equals(r)
              || !oldMatches.get(was).equals(matches.get(i))
              || repositioned.contains(r.name());
      if (touched) {
        example(r, after).ifPresent(flows::add);
      }
    }
    Set<Flow> candidates = new LinkedHashSet<>();
    oldRules.forEach(r -> example(r, old).ifPresent(candidates::add));
    rules.forEach(r -> example(r, after).ifPresent(candidates::add));
    for (Flow f : candidates) {
      if (!flows.contains(f)
          && !firstMatch(oldRules, oldMatches, f).equals(firstMatch(rules, matches, f))) {
        flows.add(f);
      }
    }
    PolicySnapshot device = others.isEmpty() ? after : others.combined(after);
    List<RuleDef> deviceRules = others.isEmpty() ? rules : enabled(device);
    List<RuleMatch> deviceMatches =
        others.isEmpty()
            ? matches
            : deviceRules.stream().map(r -> RuleMatch.of(r, device)).toList();
    if (!others.isEmpty()) {
      othersChanged(others, old, deviceRules, deviceMatches, flows);
    }
    List<Probe> out = new ArrayList<>();
    for (Flow f : flows) {
      if (IpRanges.isAddress(f.source()) && IpRanges.isAddress(f.destination())) {
        out.add(new Probe(f, firstMatch(deviceRules, deviceMatches, f)));
      }
    }
    return out;
  }

  /**
   * Adds the example flows of the other policies' rules whose verdict on the device this change
   * alters: compared between the device as it was (this policy's {@code old} version in its former
   * place) and as it will be.
   */
  private static void othersChanged(
      OtherPolicies others,
      PolicySnapshot old,
      List<RuleDef> deviceRules,
      List<RuleMatch> deviceMatches,
      Set<Flow> flows) {
    PolicySnapshot was = others.combinedFormerly(old);
    List<RuleDef> wasRules = enabled(was);
    List<RuleMatch> wasMatches = wasRules.stream().map(r -> RuleMatch.of(r, was)).toList();
    for (PolicySnapshot other : others.all()) {
      for (RuleDef r : enabled(other)) {
        example(r, other)
            .filter(f -> !flows.contains(f))
            .filter(
                f ->
                    !firstMatch(wasRules, wasMatches, f)
                        .equals(firstMatch(deviceRules, deviceMatches, f)))
            .ifPresent(flows::add);
      }
    }
  }

  /**
   * At most {@code limit} of {@code probes}, in their order: the first of each (zone pair, expected
   * action) so every pair and verdict is asked about, then evenly spaced others. For a first
   * deployment, where every rule is new (docs/firewall.md, Verification).
   */
  public static List<Probe> sample(List<Probe> probes, int limit) {
    if (probes.size() <= limit) {
      return probes;
    }
    java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
    Set<String> groups = new java.util.HashSet<>();
    for (int i = 0; i < probes.size() && chosen.size() < limit; i++) {
      Flow f = probes.get(i).flow();
      if (groups.add(f.fromZone() + " " + f.toZone() + " " + probes.get(i).expected().action())) {
        chosen.add(i);
      }
    }
    int room = limit - chosen.size();
    for (int k = 0; k < room; k++) {
      // Spread the rest over the whole list, the last probe included.
      int at = (int) ((long) k * (probes.size() - 1) / Math.max(1, room - 1));
      int i = at;
      while (i < probes.size() && chosen.contains(i)) {
        i++;
      }
      if (i == probes.size()) {
        i = at;
        while (chosen.contains(i)) {
          i--;
        }
      }
      chosen.add(i);
    }
    return chosen.stream().map(probes::get).toList();
  }

  private static Verdict firstMatch(List<RuleDef> rules, List<RuleMatch> matches, Flow f) {
    for (int i = 0; i < rules.size(); i++) {
      if (matches.get(i).matches(f)) {
        return new Verdict(rules.get(i).action(), rules.get(i).name());
      }
    }
    return new Verdict(FirewallAction.DENY, null);
  }

  /**
   * Example flows (one per rule of either version: its first zone pair, first source, destination
   * and service) whose action differs between {@code before} (null: nothing deployed, all denied)
   * and {@code after}.
   */
  public static List<VerdictChange> verdictChanges(PolicySnapshot before, PolicySnapshot after) {
    PolicySnapshot old = before == null ? PolicySnapshot.empty(after.policyName()) : before;
    Set<Flow> flows = new LinkedHashSet<>();
    for (PolicySnapshot s : List.of(old, after)) {
      for (RuleDef r : enabled(s)) {
        example(r, s).ifPresent(flows::add);
      }
    }
    List<VerdictChange> out = new ArrayList<>();
    for (Flow f : flows) {
      Verdict a = verdict(old, f);
      Verdict b = verdict(after, f);
      if (a.action() != b.action()) {
        out.add(new VerdictChange(f, a.action().name(), a.rule(), b.action().name(), b.rule()));
      }
    }
    return out;
  }

  /** A flow the rule matches (its first zone pair, first source, destination and service). */
  static Optional<Flow> example(RuleDef r, PolicySnapshot s) {
    RuleMatch m = RuleMatch.of(r, s);
    String source = sample(m.sources(), ANY_SOURCE);
    String destination = sample(m.destinations(), ANY_DESTINATION);
    if (source == null || destination == null) {
      return Optional.empty();
    }
    String protocol = "tcp";
    int port = 443;
    if (!m.services().any() && !m.services().services().isEmpty()) {
      RuleMatch.Service svc = m.services().services().get(0);
      protocol = svc.protocol();
      port = svc.low();
    }
    return Optional.of(
        new Flow(r.fromZones().get(0), r.toZones().get(0), source, destination, protocol, port));
  }

  private static String sample(RuleMatch.Addresses a, String any) {
    if (a.any()) {
      return any;
    }
    if (!a.intervals().isEmpty()) {
      IpRanges.Interval i = a.intervals().get(0);
      // The first host of a network rather than its network address, when there is room.
      return IpRanges.text(
          i.high().subtract(i.low()).signum() > 0
              ? i.low().add(java.math.BigInteger.ONE)
              : i.low());
    }
    return a.names().stream().findFirst().orElse(null);
  }

  private static List<RuleDef> enabled(PolicySnapshot s) {
    return s.rules().stream().filter(RuleDef::enabled).toList();
  }
}
