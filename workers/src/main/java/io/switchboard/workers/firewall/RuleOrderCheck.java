package io.switchboard.workers.firewall;

import io.switchboard.camel.junos.ZonePairPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a device's committed policies hold a version's rules in the version's order, zone pair by
 * zone pair. Policies the version does not have (another policy's, or a local one) are left out of
 * the comparison: they are not this deployment's to judge, though a probe flow still notices one
 * that decides a flow before the version's rule does.
 */
final class RuleOrderCheck {
  private RuleOrderCheck() {}

  /** The first difference, as a sentence naming the zone pair and the rules; empty when none. */
  static Optional<String> problem(PolicySnapshot version, List<ZonePairPolicies> device) {
    Map<String, List<String>> onDevice = new LinkedHashMap<>();
    for (ZonePairPolicies p : device) {
      onDevice.put(p.fromZone() + " -> " + p.toZone(), p.policies());
    }
    for (Map.Entry<String, List<String>> wanted : expected(version).entrySet()) {
      Set<String> names = new HashSet<>(wanted.getValue());
      List<String> found =
          onDevice.getOrDefault(wanted.getKey(), List.of()).stream()
              .filter(names::contains)
              .toList();
      if (found.equals(wanted.getValue())) {
        continue;
      }
      List<String> missing = new ArrayList<>(wanted.getValue());
      missing.removeAll(found);
      if (!missing.isEmpty()) {
        return Optional.of(
            "policies "
                + String.join(", ", missing)
                + " missing from "
                + wanted.getKey()
                + " in the committed configuration");
      }
      return Optional.of(
          "policies of "
              + wanted.getKey()
              + " are in the order "
              + String.join(", ", found)
              + " on the device; the version has "
              + String.join(", ", wanted.getValue()));
    }
    return Optional.empty();
  }

  /** The enabled rules' names per "from -> to" zone pair, in the version's order. */
  static Map<String, List<String>> expected(PolicySnapshot version) {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    for (RuleDef r : version.rules()) {
      if (!r.enabled()) {
        continue;
      }
      for (String from : r.fromZones()) {
        for (String to : r.toZones()) {
          pairs.computeIfAbsent(from + " -> " + to, k -> new ArrayList<>()).add(r.name());
        }
      }
    }
    return pairs;
  }
}
