package io.switchboard.workers.sdwan;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.OverlayState;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelRepository;
import io.switchboard.inventory.sdwan.TunnelState;
import io.switchboard.inventory.sdwan.plan.Plan;
import io.switchboard.inventory.site.SiteRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory side of an SD-WAN rollout: which members a rollout configures, their states and
 * reasons, releasing what an aborted rollout allocated, and the overlay's final state. Member
 * states: PLANNED (to configure), CONFIGURED (this rollout pushed it), FAILED (its device refused,
 * with the message), ROLLED_BACK, ACTIVE, LEFT.
 */
@Service
public class SdwanRollouts {
  static final String PLANNED = "PLANNED";
  static final String CONFIGURED = "CONFIGURED";
  static final String FAILED = "FAILED";
  static final String ROLLED_BACK = "ROLLED_BACK";
  static final String ACTIVE = "ACTIVE";

  /** The sites a rollout configures: hubs first (configured together), then spoke batches. */
  public record Work(List<String> hubs, List<List<String>> spokeBatches) {}

  private final OverlayRepository overlays;
  private final OverlayMemberRepository members;
  private final TunnelRepository tunnels;
  private final DeviceRepository devices;
  private final SiteRepository sites;

  public SdwanRollouts(
      OverlayRepository overlays,
      OverlayMemberRepository members,
      TunnelRepository tunnels,
      DeviceRepository devices,
      SiteRepository sites) {
    this.overlays = overlays;
    this.members = members;
    this.tunnels = tunnels;
    this.devices = devices;
    this.sites = sites;
  }

  /**
   * After the plan is persisted: the overlay is DEPLOYING; a member needs configuring when the plan
   * touches it or it is not ACTIVE yet (so an unchanged, active overlay configures nothing).
   */
  @Transactional
  public Work start(String overlayId, Plan plan, int batchSize) {
    Overlay overlay = overlays.findById(overlayId).orElseThrow();
    overlay.setState(OverlayState.DEPLOYING);
    overlay.setFailureReason(null);
    overlays.save(overlay);
    Set<String> touched = plan.touchedSites();
    List<String> hubs = new ArrayList<>();
    List<String> spokes = new ArrayList<>();
    for (OverlayMember m : current(overlayId)) {
      if (!touched.contains(m.getSiteId()) && ACTIVE.equals(m.getState())) {
        continue;
      }
      m.setState(PLANNED);
      m.setReason(null);
      members.save(m);
      (m.isHub() ? hubs : spokes).add(m.getSiteId());
    }
    List<List<String>> batches = new ArrayList<>();
    int size = Math.max(1, batchSize);
    for (int i = 0; i < spokes.size(); i += size) {
      batches.add(List.copyOf(spokes.subList(i, Math.min(spokes.size(), i + size))));
    }
    return new Work(hubs, batches);
  }

  /** The device at a site, the one Switchboard talks to. */
  @Transactional(readOnly = true)
  public Optional<Device> deviceAt(String siteId) {
    Specification<Device> atSite = (r, q, cb) -> cb.equal(r.get("siteId"), siteId);
    return devices.findAll(atSite).stream().findFirst();
  }

  @Transactional
  public void mark(String overlayId, String siteId, String state, String reason) {
    members
        .findByOverlayIdAndSiteId(overlayId, siteId)
        .ifPresent(
            m -> {
              m.setState(state);
              m.setReason(reason);
              if (CONFIGURED.equals(state)) {
                m.setPendingRemoval(null);
              }
              members.save(m);
            });
  }

  /** Whether failed spokes are more than {@code thresholdPercent} of the overlay's spokes. */
  @Transactional(readOnly = true)
  public boolean thresholdPassed(String overlayId, int thresholdPercent) {
    List<OverlayMember> spokes = current(overlayId).stream().filter(m -> !m.isHub()).toList();
    long failed = spokes.stream().filter(m -> FAILED.equals(m.getState())).count();
    return !spokes.isEmpty() && failed * 100.0 / spokes.size() > thresholdPercent;
  }

  /** The members in a state, in the overlay's order. */
  @Transactional(readOnly = true)
  public List<OverlayMember> inState(String overlayId, String... states) {
    Set<String> wanted = Set.of(states);
    return current(overlayId).stream().filter(m -> wanted.contains(m.getState())).toList();
  }

  /** The tunnels whose both ends are configured or active now. */
  @Transactional(readOnly = true)
  public List<Tunnel> tunnelsToVerify(String overlayId) {
    Set<String> ready = new LinkedHashSet<>();
    inState(overlayId, CONFIGURED, ACTIVE).forEach(m -> ready.add(m.getSiteId()));
    return tunnels.findByOverlayIdOrderByNumber(overlayId).stream()
        .filter(t -> ready.contains(t.getASiteId()) && ready.contains(t.getBSiteId()))
        .toList();
  }

  /** Undone: configured members rolled back, the tunnels this rollout planned released. */
  @Transactional
  public void undone(String overlayId, List<String> rolledBack) {
    for (String siteId : rolledBack) {
      mark(overlayId, siteId, ROLLED_BACK, "rolled back: the rollout was aborted");
    }
    for (Tunnel t : tunnels.findByOverlayIdOrderByNumber(overlayId)) {
      if (t.getState() == TunnelState.PLANNED) {
        tunnels.delete(t);
      }
    }
  }

  /** The verified tunnels are UP, configured members ACTIVE; DEGRADED when a member failed. */
  @Transactional
  public Overlay activate(String overlayId, Set<Integer> up) {
    for (Tunnel t : tunnels.findByOverlayIdOrderByNumber(overlayId)) {
      t.setState(up.contains(t.getNumber()) ? TunnelState.UP : TunnelState.DOWN);
      tunnels.save(t);
    }
    boolean degraded = false;
    for (OverlayMember m : current(overlayId)) {
      if (CONFIGURED.equals(m.getState())) {
        m.setState(ACTIVE);
        members.save(m);
      }
      degraded |= FAILED.equals(m.getState());
    }
    Overlay overlay = overlays.findById(overlayId).orElseThrow();
    overlay.setState(degraded ? OverlayState.DEGRADED : OverlayState.ACTIVE);
    overlay.setFailureReason(degraded ? reasons(overlayId) : null);
    return overlays.save(overlay);
  }

  /** FAILED, with the kind of failure and every site's reason. */
  @Transactional
  public String fail(String overlayId, String kind, String failureReason) {
    Overlay overlay = overlays.findById(overlayId).orElse(null);
    String perSite = overlay == null ? "" : reasons(overlayId);
    String reason = kind;
    if (failureReason != null && !failureReason.isBlank()) {
      reason += ": " + failureReason;
    }
    if (!perSite.isEmpty() && (failureReason == null || !failureReason.contains(perSite))) {
      reason += " (" + perSite + ")";
    }
    if (overlay != null) {
      overlay.setState(OverlayState.FAILED);
      overlay.setFailureReason(reason.length() > 2000 ? reason.substring(0, 2000) : reason);
      overlays.save(overlay);
    }
    return reason;
  }

  /** "site-name: reason; ..." of every member with a reason. */
  @Transactional(readOnly = true)
  public String reasons(String overlayId) {
    List<String> parts = new ArrayList<>();
    for (OverlayMember m : current(overlayId)) {
      if (m.getReason() != null && FAILED.equals(m.getState())) {
        parts.add(siteName(m.getSiteId()) + ": " + m.getReason());
      }
    }
    return String.join("; ", parts);
  }

  @Transactional(readOnly = true)
  public String siteName(String siteId) {
    return sites.findById(siteId).map(s -> s.getName()).orElse(siteId);
  }

  private List<OverlayMember> current(String overlayId) {
    return members.findByOverlayId(overlayId).stream()
        .filter(m -> !"LEFT".equals(m.getState()))
        .toList();
  }
}
