package io.switchboard.inventory.sdwan.sla;

import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelRepository;
import io.switchboard.inventory.sdwan.planning.OverlayPlanning;
import io.switchboard.inventory.sdwan.render.JunosSdwanRenderer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the tunnels' RPM probes measured (per tunnel the worse of its two ends, matched by
 * the probe name {@code sdwan-t<unit>}) and answers the steering check from those records.
 */
@Component
public class TunnelSla {
  private final TunnelRepository tunnels;
  private final OverlayMemberRepository members;
  private final OverlayPlanning planning;

  public TunnelSla(
      TunnelRepository tunnels, OverlayMemberRepository members, OverlayPlanning planning) {
    this.tunnels = tunnels;
    this.members = members;
    this.planning = planning;
  }

  /**
   * Records the measurements of every tunnel of the overlay that {@code readings} (probe results by
   * site id) cover at one end at least; tunnels not covered keep their last record.
   *
   * @return how many tunnels were measured
   */
  @Transactional
  public int record(String overlayId, Map<String, List<ProbeReading>> readings, Instant at) {
    int measured = 0;
    for (Tunnel t : tunnels.findByOverlayIdOrderByNumber(overlayId)) {
      String probe = JunosSdwanRenderer.tunnelName(t.getSt0Unit());
      SlaMeasurement a = find(readings.get(t.getASiteId()), probe);
      SlaMeasurement b = find(readings.get(t.getBSiteId()), probe);
      SlaMeasurement m = a == null ? b : a.worse(b);
      if (m != null) {
        t.recordSla(m, at);
        tunnels.save(t);
        measured++;
      }
    }
    return measured;
  }

  /** The steering check of every member from the tunnels' last measurements. */
  @Transactional(readOnly = true)
  public List<SteeringCheck.SiteSteering> steering(String overlayId) {
    List<String> sites =
        members.findByOverlayId(overlayId).stream()
            .filter(OverlayMember::inOverlay)
            .map(OverlayMember::getSiteId)
            .toList();
    List<SteeringCheck.Path> paths =
        tunnels.findByOverlayIdOrderByNumber(overlayId).stream()
            .map(
                t ->
                    new SteeringCheck.Path(
                        t.getASiteId(), t.getBSiteId(), t.getPathLabel(), t.getSla()))
            .toList();
    return SteeringCheck.check(sites, paths, planning.steeringOf(overlayId));
  }

  private static SlaMeasurement find(List<ProbeReading> readings, String probe) {
    if (readings == null) {
      return null;
    }
    return readings.stream()
        .filter(r -> probe.equals(r.probeName()))
        .map(ProbeReading::measurement)
        .findFirst()
        .orElse(null);
  }
}
