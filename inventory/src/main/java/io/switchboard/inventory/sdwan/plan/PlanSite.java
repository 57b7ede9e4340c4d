package io.switchboard.inventory.sdwan.plan;

import java.util.List;

/**
 * A member site as the planner sees it: its device model and how many tunnels that model carries,
 * its WAN links and the LAN prefixes the other sites route to.
 */
public record PlanSite(
    String siteId,
    String name,
    String model,
    int tunnelLimit,
    List<PlanLink> links,
    List<String> lanPrefixes) {
  public PlanSite {
    links = List.copyOf(links);
    lanPrefixes = List.copyOf(lanPrefixes);
  }
}
