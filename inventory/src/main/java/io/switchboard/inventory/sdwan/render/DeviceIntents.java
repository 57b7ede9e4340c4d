package io.switchboard.inventory.sdwan.render;

import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.plan.Plan;
import io.switchboard.inventory.sdwan.plan.PlanRequest;
import io.switchboard.inventory.sdwan.plan.PlanSite;
import io.switchboard.inventory.sdwan.plan.PlanTunnel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Turns a plan into one site's {@link DeviceIntent}. Routing (static, decision in docs/sdwan.md): a
 * hub routes each spoke's LAN prefixes over that spoke's tunnels; a spoke routes every other
 * member's prefixes over its hub tunnels (spoke-to-spoke goes through a hub); in a full mesh each
 * site routes a peer's prefixes over the tunnels to that peer.
 */
public final class DeviceIntents {
  private DeviceIntents() {}

  /**
   * @param tunnels the plan's tunnels (a {@link Plan#tunnels()} or a previous allocation)
   * @param preSharedKey the key of tunnel number n ({@link JunosSdwanRenderer#HIDDEN_KEY} for a
   *     preview)
   * @param overlayTag names the overlay's device-wide stanzas ({@link
   *     JunosSdwanRenderer#overlayTag})
   * @param sharedDevice whether another overlay has tunnels on this site's device
   */
  public static DeviceIntent forSite(
      PlanRequest request,
      List<PlanTunnel> tunnels,
      String siteId,
      String modelFamily,
      List<DeviceIntent.WanPort> wanPorts,
      IntFunction<String> preSharedKey,
      DeviceIntent.IkeProfile profile,
      List<DeviceIntent.Steering> steering,
      String overlayTag,
      boolean sharedDevice) {
    return forSite(
        request,
        tunnels,
        siteId,
        modelFamily,
        wanPorts,
        preSharedKey,
        profile,
        steering,
        overlayTag,
        sharedDevice,
        Set.of());
  }

  /**
   * As above, on a device where other overlays route {@code routedByOthers} (a route to one of them
   * keeps its other next hops when this overlay's go).
   */
  public static DeviceIntent forSite(
      PlanRequest request,
      List<PlanTunnel> tunnels,
      String siteId,
      String modelFamily,
      List<DeviceIntent.WanPort> wanPorts,
      IntFunction<String> preSharedKey,
      DeviceIntent.IkeProfile profile,
      List<DeviceIntent.Steering> steering,
      String overlayTag,
      boolean sharedDevice,
      Set<String> routedByOthers) {
    List<DeviceIntent.LocalTunnel> local = new ArrayList<>();
    for (PlanTunnel t : tunnels) {
      if (!t.touches(siteId)) {
        continue;
      }
      boolean isA = t.aSiteId().equals(siteId);
      String peer = t.peerOf(siteId);
      local.add(
          new DeviceIntent.LocalTunnel(
              t.unit(),
              isA,
              t.pathLabel(),
              isA ? t.aInterface() : t.bInterface(),
              isA ? t.aAddress() : t.bAddress(),
              isA ? t.bUnderlay() : t.aUnderlay(),
              isA ? t.bAddress() : t.aAddress(),
              preSharedKey.apply(t.number()),
              remotePrefixes(request, siteId, peer)));
    }
    return new DeviceIntent(
        siteId,
        modelFamily,
        wanPorts,
        local,
        profile,
        steering,
        overlayTag,
        sharedDevice,
        routedByOthers);
  }

  /** The prefixes {@code siteId} routes over its tunnel to {@code peer} in {@code request}. */
  public static List<String> remotePrefixes(PlanRequest request, String siteId, String peer) {
    boolean viaHub =
        request.topology() == Topology.HUB_SPOKE
            && request.hubSiteIds().contains(peer)
            && !request.hubSiteIds().contains(siteId);
    List<String> prefixes = new ArrayList<>();
    if (!viaHub) {
      prefixes.addAll(site(request, peer).lanPrefixes());
      return prefixes;
    }
    for (String member : members(request)) {
      if (!member.equals(siteId)) {
        prefixes.addAll(site(request, member).lanPrefixes());
      }
    }
    return prefixes;
  }

  private static List<String> members(PlanRequest request) {
    List<String> all = new ArrayList<>(request.hubSiteIds());
    for (String s : request.siteIds()) {
      if (!all.contains(s)) {
        all.add(s);
      }
    }
    return all;
  }

  private static PlanSite site(PlanRequest request, String id) {
    return request.sites().get(id);
  }
}
