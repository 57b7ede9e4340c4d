package io.switchboard.inventory.sdwan.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A planner's answer: every tunnel the overlay has now (by number), and how that differs from the
 * previous plan — tunnels added, removed (their numbers freed) and changed (same pair and label,
 * other interface or underlay address; the number and addresses stay).
 */
public record Plan(
    List<PlanTunnel> tunnels,
    List<PlanTunnel> added,
    List<PlanTunnel> removed,
    List<PlanTunnel> changed) {
  public Plan {
    tunnels = List.copyOf(tunnels);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** True when the overlay's tunnels are exactly the previous ones. */
  public boolean unchanged() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /**
   * The sites whose configuration this plan changes: the ends of every added, removed or changed
   * tunnel.
   */
  public Set<String> touchedSites() {
    Set<String> sites = new LinkedHashSet<>();
    for (List<PlanTunnel> list : List.of(added, removed, changed)) {
      for (PlanTunnel t : list) {
        sites.add(t.aSiteId());
        sites.add(t.bSiteId());
      }
    }
    return sites;
  }

  /** The tunnels ending at {@code siteId}. */
  public List<PlanTunnel> tunnelsOf(String siteId) {
    return tunnels.stream().filter(t -> t.touches(siteId)).toList();
  }
}
