package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two Switchboard policies on one device with a rule of the same name in a zone pair they share
 * would be one Junos policy ({@code from-zone A to-zone B policy N}): the second deployment would
 * change the first policy's rule instead of adding its own. Such a pair of rules is found before it
 * reaches a device: at publish, and at assignment or deployment when sharing a site is what brings
 * them together.
 */
@Service
public class RuleNameCollisions {
  /** A rule of the checked policy that another policy of the site has in the same zone pair. */
  public record Collision(
      String rule, String otherPolicy, String fromZone, String toZone, String siteId) {
    /** A sentence naming both policies, the rule and the zone pair. */
    public String describe(String policy) {
      return "rule '"
          + rule
          + "' of policy '"
          + policy
          + "' and rule '"
          + rule
          + "' of policy '"
          + otherPolicy
          + "' are both in from-zone "
          + fromZone
          + " to-zone "
          + toZone
          + " on the devices of site "
          + siteId
          + ", where they would be one Junos policy: rename one of them";
    }
  }

  private final FirewallPolicyRepository policies;
  private final PolicyVersionRepository versions;
  private final PolicyDeploymentRepository deployments;

  public RuleNameCollisions(
      FirewallPolicyRepository policies,
      PolicyVersionRepository versions,
      PolicyDeploymentRepository deployments) {
    this.policies = policies;
    this.versions = versions;
    this.deployments = deployments;
  }

  /**
   * The first rule of {@code rules} (the version of {@code policy} to publish, assign or deploy)
   * that another policy of the tenant has in a shared zone pair on a site of {@code siteIds}: in
   * its newest version if that policy is assigned to the site, or in a version it runs on a device
   * of the site.
   */
  @Transactional(readOnly = true)
  public Optional<Collision> find(
      FirewallPolicy policy, PolicySnapshot rules, Collection<String> siteIds) {
    Map<String, Set<String>> mine = pairsByRule(rules);
    if (mine.isEmpty() || siteIds.isEmpty()) {
      return Optional.empty();
    }
    for (FirewallPolicy other : policies.findByTenantIdOrderByName(policy.getTenantId())) {
      if (other.getId().equals(policy.getId())) {
        continue;
      }
      for (String site : new TreeSet<>(siteIds)) {
        for (PolicySnapshot theirs : versionsOnSite(other, site)) {
          Optional<Collision> c = collision(mine, pairsByRule(theirs), other.getName(), site);
          if (c.isPresent()) {
            return c;
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<PolicySnapshot> versionsOnSite(FirewallPolicy other, String site) {
    Set<Integer> numbers = new TreeSet<>();
    if (other.getSiteIds().contains(site) && other.getLatestVersion() > 0) {
      numbers.add(other.getLatestVersion());
    }
    for (PolicyDeployment d : deployments.findByPolicyIdOrderByCreatedAtDesc(other.getId())) {
      if (d.getState() == DeploymentState.DEPLOYED && site.equals(d.getSiteId())) {
        numbers.add(d.getVersionNumber());
      }
    }
    List<PolicySnapshot> out = new ArrayList<>();
    for (int n : numbers) {
      versions
          .findByPolicyIdAndNumber(other.getId(), n)
          .ifPresent(v -> out.add(SnapshotJson.read(v.getSnapshotJson())));
    }
    return out;
  }

  private static Optional<Collision> collision(
      Map<String, Set<String>> mine, Map<String, Set<String>> theirs, String other, String site) {
    for (Map.Entry<String, Set<String>> rule : mine.entrySet()) {
      for (String pair : rule.getValue()) {
        if (theirs.getOrDefault(rule.getKey(), Set.of()).contains(pair)) {
          String[] zones = pair.split(" ");
          return Optional.of(new Collision(rule.getKey(), other, zones[0], zones[1], site));
        }
      }
    }
    return Optional.empty();
  }

  /** Enabled rules by name, each with its zone pairs as "from to". */
  private static Map<String, Set<String>> pairsByRule(PolicySnapshot s) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (RuleDef r : s.rules()) {
      if (!r.enabled()) {
        continue;
      }
      for (String from : r.fromZones()) {
        for (String to : r.toZones()) {
          out.computeIfAbsent(r.name(), k -> new TreeSet<>()).add(from + " " + to);
        }
      }
    }
    return out;
  }
}
