package io.switchboard.inventory.firewall;

import io.switchboard.inventory.firewall.model.ZoneDef;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelRepository;
import io.switchboard.inventory.sdwan.TunnelState;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site's security zones: {@code trust} from its LAN segments ({@code irb.<vlan>}, {@code irb.0}
 * for an untagged one), {@code untrust} from its WAN links (unit 0 of each), {@code sdwan} from the
 * st0 units of the overlay tunnels configured on it, and the zones declared for the site. A
 * declared zone replaces a derived one of the same name: the operator said which interfaces it
 * holds.
 */
@Service
public class SiteZones {
  public static final String TRUST = "trust";
  public static final String UNTRUST = "untrust";
  public static final String SDWAN = "sdwan";

  /** Tunnel states whose st0 unit is configured on the devices of both ends. */
  private static final Set<TunnelState> ON_DEVICE =
      Set.of(TunnelState.CONFIGURED, TunnelState.UP, TunnelState.DOWN);

  /** A zone of a site; {@code id} is null and {@code derived} true for one derived from SD-WAN. */
  public record SiteZone(String id, String name, List<String> interfaces, boolean derived) {
    public SiteZone {
      interfaces = List.copyOf(interfaces);
    }

    public ZoneDef definition() {
      return new ZoneDef(name, interfaces);
    }
  }

  private final SecurityZoneRepository declared;
  private final LanSegmentRepository lanSegments;
  private final WanLinkRepository wanLinks;
  private final TunnelRepository tunnels;

  public SiteZones(
      SecurityZoneRepository declared,
      LanSegmentRepository lanSegments,
      WanLinkRepository wanLinks,
      TunnelRepository tunnels) {
    this.declared = declared;
    this.lanSegments = lanSegments;
    this.wanLinks = wanLinks;
    this.tunnels = tunnels;
  }

  /** The site's zones by name: derived ones, then declared ones replacing those of their name. */
  @Transactional(readOnly = true)
  public List<SiteZone> of(String siteId) {
    Map<String, SiteZone> zones = new TreeMap<>();
    derive(TRUST, lanInterfaces(siteId), zones);
    derive(UNTRUST, wanInterfaces(siteId), zones);
    derive(SDWAN, tunnelInterfaces(siteId), zones);
    for (SecurityZone z : declared.findBySiteIdOrderByName(siteId)) {
      zones.put(z.getName(), new SiteZone(z.getId(), z.getName(), z.getInterfaces(), false));
    }
    return List.copyOf(zones.values());
  }

  /** The zone definitions the renderer uses for the site. */
  @Transactional(readOnly = true)
  public List<ZoneDef> definitions(String siteId) {
    return of(siteId).stream().map(SiteZone::definition).toList();
  }

  private static void derive(String name, Set<String> interfaces, Map<String, SiteZone> zones) {
    if (!interfaces.isEmpty()) {
      zones.put(name, new SiteZone(null, name, List.copyOf(interfaces), true));
    }
  }

  private Set<String> lanInterfaces(String siteId) {
    Set<String> out = new TreeSet<>();
    for (LanSegment s : lanSegments.findBySiteIdOrderByName(siteId)) {
      out.add("irb." + (s.getVlanId() == null ? 0 : s.getVlanId()));
    }
    return out;
  }

  private Set<String> wanInterfaces(String siteId) {
    Set<String> out = new TreeSet<>();
    for (WanLink l : wanLinks.findBySiteIdOrderByPriorityAscInterfaceNameAsc(siteId)) {
      out.add(l.getInterfaceName() + ".0");
    }
    return out;
  }

  private Set<String> tunnelInterfaces(String siteId) {
    Set<String> out = new TreeSet<>(Comparator.comparing(SiteZones::unitNumber));
    for (Tunnel t : tunnels.findEndingAt(List.of(siteId))) {
      if (ON_DEVICE.contains(t.getState())) {
        out.add("st0." + t.getSt0Unit());
      }
    }
    return out;
  }

  private static int unitNumber(String st0) {
    return Integer.parseInt(st0.substring("st0.".length()));
  }
}
