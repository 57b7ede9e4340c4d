package io.switchboard.inventory.campaign;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The overlay facts for wave planning from the SD-WAN inventory: the hubs of every overlay the
 * selected devices' sites belong to, and for each spoke the hubs of its overlays (a hub-and-spoke
 * spoke has tunnels to every hub of its overlay). Full-mesh overlays have no hubs and add no rule.
 */
@Component
public class OverlayCampaignTopology implements CampaignTopology {
  private final DeviceRepository devices;
  private final OverlayMemberRepository members;

  public OverlayCampaignTopology(DeviceRepository devices, OverlayMemberRepository members) {
    this.devices = devices;
    this.members = members;
  }

  @Override
  public Overlays of(Collection<String> deviceIds) {
    List<Device> selected = devices.findAllById(deviceIds);
    Set<String> overlayIds = new HashSet<>();
    for (Device device : selected) {
      if (device.getSiteId() != null) {
        members.findBySiteId(device.getSiteId()).forEach(m -> overlayIds.add(m.getOverlayId()));
      }
    }
    Map<String, Set<String>> hubsByOverlay = new HashMap<>();
    Map<String, Set<String>> spokeSitesByOverlay = new HashMap<>();
    Map<String, List<String>> devicesBySite = new HashMap<>();
    for (String overlayId : overlayIds) {
      for (OverlayMember member : members.findByOverlayId(overlayId)) {
        List<String> atSite = devicesBySite.computeIfAbsent(member.getSiteId(), this::devicesAt);
        (member.isHub() ? hubsByOverlay : spokeSitesByOverlay)
            .computeIfAbsent(overlayId, k -> new HashSet<>())
            .addAll(atSite);
      }
    }
    Map<String, Set<String>> hubsBySpoke = new HashMap<>();
    spokeSitesByOverlay.forEach(
        (overlayId, spokes) -> {
          Set<String> hubs = hubsByOverlay.getOrDefault(overlayId, Set.of());
          if (!hubs.isEmpty()) {
            spokes.forEach(
                spoke -> hubsBySpoke.computeIfAbsent(spoke, k -> new HashSet<>()).addAll(hubs));
          }
        });
    hubsByOverlay.entrySet().removeIf(e -> e.getValue().isEmpty());
    return new Overlays(hubsByOverlay, hubsBySpoke);
  }

  private List<String> devicesAt(String siteId) {
    return devices.findAll((root, query, cb) -> cb.equal(root.get("siteId"), siteId)).stream()
        .map(Device::getId)
        .toList();
  }
}
