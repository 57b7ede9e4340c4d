package io.switchboard.inventory.firewall.model;

import java.util.List;

/**
 * One rule of a policy. Lists hold names; {@link #ANY} alone means any. A rule with several zones
 * becomes one Junos policy of the same name in each (from, to) zone pair.
 */
public record RuleDef(
    String name,
    List<String> fromZones,
    List<String> toZones,
    List<String> sources,
    List<String> destinations,
    List<String> applications,
    FirewallAction action,
    boolean logInit,
    boolean logClose,
    boolean count,
    boolean enabled) {
  public static final String ANY = "any";

  public RuleDef {
    fromZones = List.copyOf(fromZones);
    toZones = List.copyOf(toZones);
    sources = sources == null || sources.isEmpty() ? List.of(ANY) : List.copyOf(sources);
    destinations =
        destinations == null || destinations.isEmpty() ? List.of(ANY) : List.copyOf(destinations);
    applications =
        applications == null || applications.isEmpty() ? List.of(ANY) : List.copyOf(applications);
  }
}
