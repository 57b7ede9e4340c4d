package io.switchboard.inventory.sdwan.plan;

import java.util.List;
import java.util.Set;

/**
 * A member site as the planner sees it: its device model and how many tunnels that model carries,
 * its WAN links, the LAN prefixes the other sites route to, and the {@code st0} units other
 * overlays' tunnels use on its device.
 */
public record PlanSite(
    String siteId,
    String name,
    String model,
    int tunnelLimit,
    List<PlanLink> links,
    List<String> lanPrefixes,
    Set<Integer> unitsInUse) {
  public PlanSite {
    links = List.copyOf(links);
    lanPrefixes = List.copyOf(lanPrefixes);
    unitsInUse = Set.copyOf(unitsInUse);
  }

  /** A site whose device is in no other overlay. */
  public PlanSite(
      String siteId,
      String name,
      String model,
      int tunnelLimit,
      List<PlanLink> links,
      List<String> lanPrefixes) {
    this(siteId, name, model, tunnelLimit, links, lanPrefixes, Set.of());
  }
}
