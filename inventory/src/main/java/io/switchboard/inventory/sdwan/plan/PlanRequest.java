package io.switchboard.inventory.sdwan.plan;

import io.switchboard.inventory.sdwan.Topology;
import java.util.List;
import java.util.Map;

/**
 * What the planner plans from: the overlay's topology, hubs, members (hubs included), tunnel pool,
 * every member site, and the tunnels the previous plan allocated.
 */
public record PlanRequest(
    Topology topology,
    List<String> hubSiteIds,
    List<String> siteIds,
    String tunnelPool,
    Map<String, PlanSite> sites,
    List<PlanTunnel> previous) {
  public PlanRequest {
    hubSiteIds = List.copyOf(hubSiteIds);
    siteIds = List.copyOf(siteIds);
    sites = Map.copyOf(sites);
    previous = List.copyOf(previous);
  }
}
