package io.switchboard.inventory.vnf;

import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The LAN side of a site's service chain: its first LAN segment with a VLAN (docs/vnf.md), whose
 * VLAN the VNF's LAN interface joins and whose prefix the host routes back through the VNF.
 */
@Component
public class ChainLan {
  /** VLAN of the LAN side when the site has no LAN segment with a VLAN. */
  public static final int DEFAULT_VLAN = 10;

  /** The LAN side: its VLAN and, when the segment has one, its prefix. */
  public record Side(int vlan, String prefix) {}

  private final LanSegmentRepository segments;

  public ChainLan(LanSegmentRepository segments) {
    this.segments = segments;
  }

  public Side of(String siteId) {
    Optional<LanSegment> segment =
        segments.findBySiteIdOrderByName(siteId).stream()
            .filter(s -> s.getVlanId() != null)
            .findFirst();
    return segment
        .map(s -> new Side(s.getVlanId(), blankToNull(s.getPrefix())))
        .orElse(new Side(DEFAULT_VLAN, null));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
