package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.model.AddressDef;
import io.switchboard.inventory.firewall.model.ApplicationDef;
import io.switchboard.inventory.firewall.model.GroupDef;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.PredefinedApplications;
import io.switchboard.inventory.firewall.model.RuleDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freezes a policy into a version: resolves every name its rules use among the tenant's objects
 * (refusing, with the rule and field named, a name the tenant does not have) and keeps exactly the
 * objects referenced, so the version never changes when the objects do.
 */
@Service
public class PolicyPublishing {
  /** Zones every site has by convention, whether or not they were declared. */
  public static final Set<String> STANDARD_ZONES = Set.of("trust", "untrust", "sdwan");

  private final AddressObjectRepository addresses;
  private final AddressGroupRepository groups;
  private final CustomApplicationRepository applications;
  private final ApplicationSetRepository sets;
  private final SecurityZoneRepository zones;
  private final PolicyVersionRepository versions;
  private final RuleNameCollisions collisions;

  public PolicyPublishing(
      AddressObjectRepository addresses,
      AddressGroupRepository groups,
      CustomApplicationRepository applications,
      ApplicationSetRepository sets,
      SecurityZoneRepository zones,
      PolicyVersionRepository versions,
      RuleNameCollisions collisions) {
    this.addresses = addresses;
    this.groups = groups;
    this.applications = applications;
    this.sets = sets;
    this.zones = zones;
    this.versions = versions;
    this.collisions = collisions;
  }

  /** The snapshot the policy would publish now; {@link PublishException} when a name is unknown. */
  @Transactional(readOnly = true)
  public PolicySnapshot snapshot(FirewallPolicy policy) {
    String tenant = policy.getTenantId();
    Map<String, AddressDef> addressesUsed = new LinkedHashMap<>();
    Map<String, GroupDef> groupsUsed = new LinkedHashMap<>();
    Map<String, ApplicationDef> appsUsed = new LinkedHashMap<>();
    Map<String, GroupDef> setsUsed = new LinkedHashMap<>();
    List<RuleDef> rules = policy.getRules();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleDef r = rules.get(i);
      String at = "rules[" + i + "].";
      if (!names.add(r.name())) {
        throw new PublishException(
            at + "name", "rule '" + r.name() + "' appears twice in the policy");
      }
      for (String zone : concat(r.fromZones(), r.toZones())) {
        if (!STANDARD_ZONES.contains(zone) && !zones.existsByTenantIdAndName(tenant, zone)) {
          String field = r.fromZones().contains(zone) ? "fromZones" : "toZones";
          throw new PublishException(
              at + field,
              "rule '" + r.name() + "' names zone '" + zone + "', which no site of the tenant has");
        }
      }
      for (String field : List.of("sources", "destinations")) {
        for (String name : "sources".equals(field) ? r.sources() : r.destinations()) {
          if (!RuleDef.ANY.equals(name)
              && !resolveAddress(tenant, name, addressesUsed, groupsUsed, new HashSet<>())) {
            throw new PublishException(
                at + field,
                "rule '"
                    + r.name()
                    + "' names address '"
                    + name
                    + "', which the tenant does not have");
          }
        }
      }
      for (String name : r.applications()) {
        if (!RuleDef.ANY.equals(name)
            && !resolveApplication(tenant, name, appsUsed, setsUsed, new HashSet<>())) {
          throw new PublishException(
              at + "applications",
              "rule '"
                  + r.name()
                  + "' names application '"
                  + name
                  + "', which the tenant does not have");
        }
      }
    }
    return new PolicySnapshot(
        policy.getName(),
        rules,
        new ArrayList<>(addressesUsed.values()),
        new ArrayList<>(groupsUsed.values()),
        new ArrayList<>(appsUsed.values()),
        new ArrayList<>(setsUsed.values()));
  }

  /**
   * Publishes the policy as its next version; refused ({@link PublishException} on {@code
   * rules[i].name}) when a rule would collide with one of another policy on a shared site ({@link
   * RuleNameCollisions}).
   */
  @Transactional
  public PolicyVersion publish(FirewallPolicy policy, String username) {
    PolicySnapshot snapshot = snapshot(policy);
    collisions
        .find(policy, snapshot, policy.getSiteIds())
        .ifPresent(
            c -> {
              int i = 0;
              while (!snapshot.rules().get(i).name().equals(c.rule())) {
                i++;
              }
              throw new PublishException("rules[" + i + "].name", c.describe(policy.getName()));
            });
    int number = policy.nextVersion();
    return versions.save(
        new PolicyVersion(
            policy.getTenantId(), policy.getId(), number, username, SnapshotJson.write(snapshot)));
  }

  private boolean resolveAddress(
      String tenant,
      String name,
      Map<String, AddressDef> used,
      Map<String, GroupDef> groupsUsed,
      Set<String> path) {
    if (used.containsKey(name) || groupsUsed.containsKey(name)) {
      return true;
    }
    var address = addresses.findByTenantIdAndName(tenant, name);
    if (address.isPresent()) {
      used.put(name, address.get().definition());
      return true;
    }
    var group = groups.findByTenantIdAndName(tenant, name);
    if (group.isEmpty() || !path.add(name)) {
      return false;
    }
    for (String member : group.get().getMembers()) {
      if (!resolveAddress(tenant, member, used, groupsUsed, path)) {
        return false;
      }
    }
    groupsUsed.put(name, group.get().definition());
    return true;
  }

  private boolean resolveApplication(
      String tenant,
      String name,
      Map<String, ApplicationDef> used,
      Map<String, GroupDef> setsUsed,
      Set<String> path) {
    if (PredefinedApplications.isPredefined(name)
        || used.containsKey(name)
        || setsUsed.containsKey(name)) {
      return true;
    }
    var app = applications.findByTenantIdAndName(tenant, name);
    if (app.isPresent()) {
      used.put(name, app.get().definition());
      return true;
    }
    var set = sets.findByTenantIdAndName(tenant, name);
    if (set.isEmpty() || !path.add(name)) {
      return false;
    }
    for (String member : set.get().getMembers()) {
      if (!resolveApplication(tenant, member, used, setsUsed, path)) {
        return false;
      }
    }
    setsUsed.put(name, set.get().definition());
    return true;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
