package io.switchboard.inventory.firewall.model;

import java.util.List;
import java.util.Optional;

/**
 * A policy frozen for a version: its rules in order and exactly the objects they reference
 * (directly or through groups and sets), so a version renders the same whatever the tenant's
 * objects become later.
 */
public record PolicySnapshot(
    String policyName,
    List<RuleDef> rules,
    List<AddressDef> addresses,
    List<GroupDef> addressGroups,
    List<ApplicationDef> applications,
    List<GroupDef> applicationSets) {
  public PolicySnapshot {
    rules = List.copyOf(rules);
    addresses = List.copyOf(addresses);
    addressGroups = List.copyOf(addressGroups);
    applications = List.copyOf(applications);
    applicationSets = List.copyOf(applicationSets);
  }

  /** A policy with no rules and no objects: what a device without a deployment has. */
  public static PolicySnapshot empty(String name) {
    return new PolicySnapshot(name, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public Optional<AddressDef> address(String name) {
    return addresses.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<GroupDef> addressGroup(String name) {
    return addressGroups.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<ApplicationDef> application(String name) {
    return applications.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<GroupDef> applicationSet(String name) {
    return applicationSets.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
