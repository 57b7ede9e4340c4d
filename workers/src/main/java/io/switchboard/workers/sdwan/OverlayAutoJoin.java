package io.switchboard.workers.sdwan;

import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.OverlayState;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which overlays a freshly onboarded site joins (docs/sdwan.md, "ZTP joins the overlay"): every
 * ACTIVE or DEGRADED overlay of its tenant that lists it as a member not configured yet (PLANNED,
 * or FAILED because its device was not there at the rollout); failing those, the tenant's only live
 * overlay when the site is a branch that was never in it. A site that left or whose join failed is
 * not joined again by itself.
 */
@Service
public class OverlayAutoJoin {
  private static final Set<String> PENDING = Set.of(SdwanRollouts.PLANNED, SdwanRollouts.FAILED);

  /** The site of the onboarded device and the overlays it joins, in a stable order. */
  public record Joins(String siteId, List<String> overlayIds) {}

  private final DeviceRepository devices;
  private final SiteRepository sites;
  private final OverlayRepository overlays;
  private final OverlayMemberRepository members;

  public OverlayAutoJoin(
      DeviceRepository devices,
      SiteRepository sites,
      OverlayRepository overlays,
      OverlayMemberRepository members) {
    this.devices = devices;
    this.sites = sites;
    this.overlays = overlays;
    this.members = members;
  }

  /** Decides the joins of the device's site; a branch joining on its own becomes PLANNED. */
  @Transactional
  public Joins forDevice(String deviceId) {
    Site site =
        devices.findById(deviceId).map(d -> d.getSiteId()).flatMap(sites::findById).orElse(null);
    if (site == null) {
      return new Joins(null, List.of());
    }
    List<Overlay> live = new ArrayList<>();
    live.addAll(overlays.findByTenantIdAndState(site.getTenantId(), OverlayState.ACTIVE));
    live.addAll(overlays.findByTenantIdAndState(site.getTenantId(), OverlayState.DEGRADED));
    live.sort((a, b) -> a.getName().compareTo(b.getName()));
    List<String> joins = new ArrayList<>();
    for (Overlay o : live) {
      Optional<OverlayMember> m = members.findByOverlayIdAndSiteId(o.getId(), site.getId());
      if (m.isPresent() && PENDING.contains(m.get().getState())) {
        joins.add(o.getId());
      }
    }
    if (joins.isEmpty() && live.size() == 1 && site.getType() == SiteType.BRANCH) {
      Overlay only = live.get(0);
      if (members.findByOverlayIdAndSiteId(only.getId(), site.getId()).isEmpty()) {
        members.save(new OverlayMember(only.getTenantId(), only.getId(), site.getId(), false));
        joins.add(only.getId());
      }
    }
    return new Joins(site.getId(), joins);
  }
}
