package io.switchboard.inventory.sdwan.planning;

import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.Tunnel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LAN prefixes other overlays route on a site's device, from their tunnels ending there: so
 * that when this overlay stops routing a prefix, the route goes as a whole unless another overlay
 * still routes it (then only this overlay's next hops go). Both the prefixes the other overlay was
 * last planned with and the current ones count: either may be on the device.
 */
final class OtherOverlayRoutes {
  private final OverlayRepository overlays;
  private final OverlayMemberRepository members;
  private final LanSegmentRepository segments;

  OtherOverlayRoutes(
      OverlayRepository overlays, OverlayMemberRepository members, LanSegmentRepository segments) {
    this.overlays = overlays;
    this.members = members;
    this.segments = segments;
  }

  /** Per site (of {@code sites}), the prefixes the overlays of {@code others} route there. */
  Map<String, Set<String>> at(Set<String> sites, List<Tunnel> others) {
    Map<String, List<Tunnel>> byOverlay = new LinkedHashMap<>();
    others.forEach(t -> byOverlay.computeIfAbsent(t.getOverlayId(), k -> new ArrayList<>()).add(t));
    Map<String, Set<String>> routed = new HashMap<>();
    for (Map.Entry<String, List<Tunnel>> e : byOverlay.entrySet()) {
      Overlay overlay = overlays.findById(e.getKey()).orElse(null);
      if (overlay == null) {
        continue;
      }
      Set<String> hubs = new HashSet<>();
      Map<String, Set<String>> prefixes = new HashMap<>();
      List<String> memberSites = new ArrayList<>();
      for (OverlayMember m : members.findByOverlayId(overlay.getId())) {
        if (!m.inOverlay()) {
          continue;
        }
        memberSites.add(m.getSiteId());
        if (m.isHub()) {
          hubs.add(m.getSiteId());
        }
        if (m.getPlannedPrefixes() != null) {
          prefixes
              .computeIfAbsent(m.getSiteId(), k -> new HashSet<>())
              .addAll(PlannedPorts.decodePrefixes(m.getPlannedPrefixes()));
        }
      }
      for (LanSegment s : segments.findBySiteIdIn(memberSites)) {
        prefixes.computeIfAbsent(s.getSiteId(), k -> new HashSet<>()).add(s.getPrefix());
      }
      for (Tunnel t : e.getValue()) {
        for (String site : List.of(t.getASiteId(), t.getBSiteId())) {
          if (!sites.contains(site)) {
            continue;
          }
          String peer = site.equals(t.getASiteId()) ? t.getBSiteId() : t.getASiteId();
          Set<String> out = routed.computeIfAbsent(site, k -> new HashSet<>());
          boolean viaHub =
              overlay.getTopology() == Topology.HUB_SPOKE
                  && hubs.contains(peer)
                  && !hubs.contains(site);
          if (viaHub) {
            prefixes.forEach((member, p) -> out.addAll(member.equals(site) ? Set.of() : p));
          } else {
            out.addAll(prefixes.getOrDefault(peer, Set.of()));
          }
        }
      }
    }
    return routed;
  }
}
