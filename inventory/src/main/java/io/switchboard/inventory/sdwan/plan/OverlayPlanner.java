package io.switchboard.inventory.sdwan.plan;

import io.switchboard.inventory.sdwan.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans an overlay's tunnels; a pure function of its {@link PlanRequest}.
 *
 * <ul>
 *   <li>Pairs: hub-and-spoke connects every spoke to every hub; full mesh every site to every
 *       other. For each pair, one tunnel per path label both sites have (each end uses its
 *       highest-priority link of that label).
 *   <li>A tunnel that the previous plan had (same sites, same label) keeps its number and
 *       addresses; tunnels no longer wanted free their numbers; new tunnels take the smallest free
 *       numbers, in a stable order, so re-planning an unchanged overlay changes nothing.
 *   <li>Tunnel {@code n} uses the {@code n}-th /31 of the pool: end a the even address, end b the
 *       odd one.
 *   <li>Its {@code st0} unit is the same on both ends and free on both devices across every
 *       overlay: a kept tunnel keeps its unit; a new one takes {@code n} when both devices have it
 *       free (always, for a device in one overlay only), else the smallest unit free on both.
 *   <li>Refused with a {@link PlanException}: a pool too small, a pair without a common label, a
 *       link without a known underlay address, a site with more tunnels than its model carries.
 * </ul>
 */
public final class OverlayPlanner {

  private OverlayPlanner() {}

  public static Plan plan(PlanRequest request) {
    validateMembers(request);
    Ipv4.Prefix pool = pool(request.tunnelPool());
    Map<PlanTunnel.Key, Endpoints> wanted = wantedTunnels(request);
    Map<PlanTunnel.Key, PlanTunnel> previous = new LinkedHashMap<>();
    for (PlanTunnel t : request.previous()) {
      previous.put(t.key(), t);
    }
    List<PlanTunnel> result = new ArrayList<>();
    List<PlanTunnel> added = new ArrayList<>();
    List<PlanTunnel> changed = new ArrayList<>();
    Set<Integer> used = new TreeSet<>();
    Map<String, Set<Integer>> units = new HashMap<>();
    for (PlanSite site : request.sites().values()) {
      units.put(site.siteId(), new HashSet<>(site.unitsInUse()));
    }
    for (Map.Entry<PlanTunnel.Key, Endpoints> e : wanted.entrySet()) {
      PlanTunnel old = previous.get(e.getKey());
      if (old != null) {
        units.get(old.aSiteId()).add(old.unit());
        units.get(old.bSiteId()).add(old.unit());
      }
    }
    for (Map.Entry<PlanTunnel.Key, Endpoints> e : wanted.entrySet()) {
      PlanTunnel old = previous.get(e.getKey());
      if (old != null) {
        PlanTunnel kept =
            build(
                old.number(), e.getKey(), e.getValue(), old.aAddress(), old.bAddress(), old.unit());
        result.add(kept);
        used.add(old.number());
        if (!kept.equals(old)) {
          changed.add(kept);
        }
      }
    }
    int next = 1;
    for (Map.Entry<PlanTunnel.Key, Endpoints> e : wanted.entrySet()) {
      if (previous.containsKey(e.getKey())) {
        continue;
      }
      while (used.contains(next)) {
        next++;
      }
      if (2L * next > pool.size()) {
        throw new PlanException(
            "tunnelPool",
            "tunnel pool "
                + pool
                + " is exhausted: the overlay needs "
                + wanted.size()
                + " tunnels (one /31 each), the pool holds "
                + pool.size() / 2);
      }
      PlanTunnel t =
          build(
              next,
              e.getKey(),
              e.getValue(),
              pool.address(2L * (next - 1)),
              pool.address(2L * (next - 1) + 1),
              freeUnit(next, units.get(e.getKey().aSiteId()), units.get(e.getKey().bSiteId())));
      units.get(t.aSiteId()).add(t.unit());
      units.get(t.bSiteId()).add(t.unit());
      used.add(next);
      result.add(t);
      added.add(t);
    }
    List<PlanTunnel> removed =
        request.previous().stream().filter(t -> !wanted.containsKey(t.key())).toList();
    result.sort(Comparator.comparingInt(PlanTunnel::number));
    checkLimits(request, result);
    return new Plan(result, added, removed, changed);
  }

  private record Endpoints(PlanLink a, PlanLink b) {}

  /** {@code preferred} when both ends have it free, else the smallest unit free on both. */
  private static int freeUnit(int preferred, Set<Integer> a, Set<Integer> b) {
    if (!a.contains(preferred) && !b.contains(preferred)) {
      return preferred;
    }
    int unit = 1;
    while (a.contains(unit) || b.contains(unit)) {
      unit++;
    }
    return unit;
  }

  private static PlanTunnel build(
      int number, PlanTunnel.Key key, Endpoints ends, String aAddress, String bAddress, int unit) {
    return new PlanTunnel(
        number,
        key.pathLabel(),
        key.aSiteId(),
        ends.a().interfaceName(),
        ends.a().underlay(),
        aAddress,
        key.bSiteId(),
        ends.b().interfaceName(),
        ends.b().underlay(),
        bAddress,
        unit);
  }

  private static void validateMembers(PlanRequest request) {
    Set<String> members = new LinkedHashSet<>(request.siteIds());
    members.addAll(request.hubSiteIds());
    for (String site : members) {
      if (!request.sites().containsKey(site)) {
        throw new PlanException("siteIds", "site '" + site + "' not found");
      }
    }
    if (request.topology() == Topology.HUB_SPOKE
        && (request.hubSiteIds().isEmpty() || request.hubSiteIds().size() > 2)) {
      throw new PlanException(
          "hubSiteIds",
          "a hub-and-spoke overlay has one or two hubs, not " + request.hubSiteIds().size());
    }
  }

  private static Ipv4.Prefix pool(String text) {
    if (!Ipv4.isPrefix(text)) {
      throw new PlanException("tunnelPool", "must be an IPv4 prefix such as 10.255.0.0/16");
    }
    Ipv4.Prefix pool = Ipv4.prefix(text);
    if (pool.length() > 31) {
      throw new PlanException("tunnelPool", "must hold at least one /31");
    }
    return pool;
  }

  /** Every wanted tunnel, in a stable order: pairs in member order, labels alphabetically. */
  private static Map<PlanTunnel.Key, Endpoints> wantedTunnels(PlanRequest request) {
    List<String[]> pairs = new ArrayList<>();
    List<String> members = new ArrayList<>(new LinkedHashSet<>(request.siteIds()));
    for (String hub : request.hubSiteIds()) {
      if (!members.contains(hub)) {
        members.add(0, hub);
      }
    }
    if (request.topology() == Topology.HUB_SPOKE) {
      for (String hub : request.hubSiteIds()) {
        for (String spoke : members) {
          if (!request.hubSiteIds().contains(spoke)) {
            pairs.add(new String[] {hub, spoke});
          }
        }
      }
    } else {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          String x = members.get(i);
          String y = members.get(j);
          pairs.add(x.compareTo(y) < 0 ? new String[] {x, y} : new String[] {y, x});
        }
      }
    }
    Map<PlanTunnel.Key, Endpoints> wanted = new LinkedHashMap<>();
    for (String[] pair : pairs) {
      PlanSite a = request.sites().get(pair[0]);
      PlanSite b = request.sites().get(pair[1]);
      Map<String, PlanLink> aLinks = bestLinkPerLabel(a);
      Map<String, PlanLink> bLinks = bestLinkPerLabel(b);
      Set<String> common = new TreeSet<>(aLinks.keySet());
      common.retainAll(bLinks.keySet());
      if (common.isEmpty()) {
        throw new PlanException(
            "siteIds",
            "site '"
                + b.name()
                + "' has no path label in common with site '"
                + a.name()
                + "' ("
                + b.name()
                + ": "
                + String.join(", ", new TreeSet<>(bLinks.keySet()))
                + "; "
                + a.name()
                + ": "
                + String.join(", ", new TreeSet<>(aLinks.keySet()))
                + ")");
      }
      for (String label : common) {
        PlanLink aLink = requireUnderlay(a, aLinks.get(label));
        PlanLink bLink = requireUnderlay(b, bLinks.get(label));
        wanted.put(new PlanTunnel.Key(a.siteId(), b.siteId(), label), new Endpoints(aLink, bLink));
      }
    }
    return wanted;
  }

  private static Map<String, PlanLink> bestLinkPerLabel(PlanSite site) {
    Map<String, PlanLink> best = new HashMap<>();
    for (PlanLink link : site.links()) {
      best.merge(
          link.pathLabel(),
          link,
          (x, y) ->
              x.priority() < y.priority()
                      || (x.priority() == y.priority()
                          && x.interfaceName().compareTo(y.interfaceName()) <= 0)
                  ? x
                  : y);
    }
    return best;
  }

  private static PlanLink requireUnderlay(PlanSite site, PlanLink link) {
    if (link.underlay() == null || !Ipv4.isAddress(link.underlay())) {
      throw new PlanException(
          "siteIds",
          "site '"
              + site.name()
              + "' WAN link "
              + link.interfaceName()
              + " has no known address: give it a publicAddress or a static address");
    }
    return link;
  }

  private static void checkLimits(PlanRequest request, List<PlanTunnel> tunnels) {
    Map<String, Integer> perSite = new HashMap<>();
    for (PlanTunnel t : tunnels) {
      perSite.merge(t.aSiteId(), 1, Integer::sum);
      perSite.merge(t.bSiteId(), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : perSite.entrySet()) {
      PlanSite site = request.sites().get(e.getKey());
      if (e.getValue() > site.tunnelLimit()) {
        throw new PlanException(
            "siteIds",
            "site '"
                + site.name()
                + "' would carry "
                + e.getValue()
                + " tunnels; its model "
                + site.model()
                + " supports at most "
                + site.tunnelLimit());
      }
    }
  }
}
