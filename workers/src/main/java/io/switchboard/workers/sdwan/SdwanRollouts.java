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
 * states: PLANNED (to configure), CONFIGURED (this rollout pushed it, commit confirmed pending),
 * CONFIRMED (its commit confirmed, the rollout not finished), FAILED (its device refused, with the
 * message), ROLLED_BACK, ACTIVE, LEFT.
 */
@Service
public class SdwanRollouts {
  static final String PLANNED = "PLANNED";
  static final String CONFIGURED = "CONFIGURED";
  static final String CONFIRMED = "CONFIRMED";
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
   * touches it ({@code touched}, OverlayPlanning#touchedSites) or it is not ACTIVE yet (so an
   * unchanged, active overlay configures nothing).
   */
  @Transactional
  public Work start(String overlayId, Set<String> touched, int batchSize) {
    return start(overlayId, touched, batchSize, null);
  }

  /**
   * As {@link #start(String, Set, int)}; for a join or a leave ({@code subjectSiteId} the site
   * joining or leaving) only the members the plan touches that are ACTIVE, and the joining site: a
   * member that failed before waits for the next rollout, so that undoing a failed join or leave
   * can put every member it touched back as it was.
   */
  @Transactional
  public Work start(String overlayId, Set<String> touched, int batchSize, String subjectSiteId) {
    Overlay overlay = overlays.findById(overlayId).orElseThrow();
    overlay.setState(OverlayState.DEPLOYING);
    overlay.setFailureReason(null);
    overlays.save(overlay);
    List<String> hubs = new ArrayList<>();
    List<String> spokes = new ArrayList<>();
    for (OverlayMember m : current(overlayId)) {
      boolean configure =
          subjectSiteId == null
              ? touched.contains(m.getSiteId()) || !ACTIVE.equals(m.getState())
              : touched.contains(m.getSiteId())
                  && (ACTIVE.equals(m.getState()) || m.getSiteId().equals(subjectSiteId));
      if (!configure) {
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
              members.save(m);
            });
  }

  /**
   * The commit that made a member's configuration is confirmed: the deletes it carried are done,
   * among them those of stanzas named before per-overlay naming. (Until then they stay, so that a
   * member rolled back by an undo still gets them next time.)
   */
  @Transactional
  public void confirmed(String overlayId, String siteId) {
    members
        .findByOverlayIdAndSiteId(overlayId, siteId)
        .ifPresent(
            m -> {
              m.setPendingRemoval(null);
              m.setLegacyNames(false);
              members.save(m);
            });
  }

  /** Whether the member is in {@code state}. */
  @Transactional(readOnly = true)
  public boolean isIn(String overlayId, String siteId, String state) {
    return members
        .findByOverlayIdAndSiteId(overlayId, siteId)
        .map(m -> state.equals(m.getState()))
        .orElse(false);
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
    inState(overlayId, CONFIGURED, CONFIRMED, ACTIVE).forEach(m -> ready.add(m.getSiteId()));
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
      if (CONFIGURED.equals(m.getState()) || CONFIRMED.equals(m.getState())) {
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

  /** Up to {@code limit} ACTIVE or DEGRADED overlays with an id after {@code afterId}, by id. */
  @Transactional(readOnly = true)
  public List<Overlay> liveOverlaysAfter(String afterId, int limit) {
    Specification<Overlay> live =
        (r, q, cb) ->
            cb.and(
                r.get("state").in(OverlayState.ACTIVE, OverlayState.DEGRADED),
                cb.greaterThan(r.get("id"), afterId));
    return overlays
        .findAll(
            live,
            org.springframework.data.domain.PageRequest.of(
                0, limit, org.springframework.data.domain.Sort.by("id")))
        .getContent();
  }

  /**
   * What a periodic measurement saw: each tunnel of {@code known} is UP when in {@code up}, else
   * DOWN (the others keep their state), and the overlay, when still ACTIVE or DEGRADED (a rollout
   * may have started meanwhile), is DEGRADED while a tunnel is down or a member failed, ACTIVE
   * otherwise, its reason naming the tunnels down and the failed members.
   */
  @Transactional
  public void observed(String overlayId, Set<Integer> known, Set<Integer> up) {
    Overlay overlay = overlays.findById(overlayId).orElse(null);
    if (overlay == null
        || (overlay.getState() != OverlayState.ACTIVE
            && overlay.getState() != OverlayState.DEGRADED)) {
      return;
    }
    List<String> down = new ArrayList<>();
    for (Tunnel t : tunnels.findByOverlayIdOrderByNumber(overlayId)) {
      if (known.contains(t.getNumber())) {
        TunnelState state = up.contains(t.getNumber()) ? TunnelState.UP : TunnelState.DOWN;
        if (t.getState() != state) {
          t.setState(state);
          tunnels.save(t);
        }
      }
      if (t.getState() == TunnelState.DOWN) {
        down.add(
            "tunnel "
                + t.getNumber()
                + " ("
                + siteName(t.getASiteId())
                + " - "
                + siteName(t.getBSiteId())
                + ", "
                + t.getPathLabel()
                + ") down");
      }
    }
    String failed = reasons(overlayId);
    List<String> why = new ArrayList<>(down);
    if (!failed.isEmpty()) {
      why.add(failed);
    }
    overlay.setState(why.isEmpty() ? OverlayState.ACTIVE : OverlayState.DEGRADED);
    overlay.setFailureReason(why.isEmpty() ? null : truncate(String.join("; ", why)));
    overlays.save(overlay);
  }

  /**
   * A join or leave that failed, after the undo: only the member fails. The joining site is
   * JOIN_FAILED with the reason (out of the overlay, as before the join) and the members the join
   * touched, rolled back to what they ran, are ACTIVE again. A leaving site the device would not
   * clear stays ACTIVE (nothing changed) with the reason; once it has left, a member that could not
   * drop its tunnels to it is FAILED with the reason and keeps the deletes for the next rollout.
   * The overlay is ACTIVE, or DEGRADED while a member is FAILED.
   */
  @Transactional
  public String failMember(
      String overlayId, String siteId, boolean joining, String kind, String failureReason) {
    String what = kind;
    if (failureReason != null && !failureReason.isBlank()) {
      what += ": " + failureReason;
    }
    String subjectName = siteName(siteId);
    String reason = (joining ? "join of " : "leave of ") + subjectName + " failed (" + kind + ")";
    if (failureReason != null && !failureReason.isBlank()) {
      reason += ": " + failureReason;
    }
    for (OverlayMember m : members.findByOverlayId(overlayId)) {
      boolean subject = m.getSiteId().equals(siteId);
      if (subject && joining) {
        String own = FAILED.equals(m.getState()) && m.getReason() != null ? m.getReason() : what;
        m.setState(OverlayMember.JOIN_FAILED);
        m.setReason(truncate(own));
      } else if (subject && m.inOverlay()) {
        m.setState(ACTIVE);
        m.setReason(truncate(reason));
      } else if (!subject
          && Set.of(PLANNED, CONFIGURED, CONFIRMED, ROLLED_BACK).contains(m.getState())) {
        m.setState(joining ? ACTIVE : FAILED);
        m.setReason(
            joining ? null : truncate("still has its tunnels to " + subjectName + ": " + what));
      } else {
        continue;
      }
      members.save(m);
    }
    Overlay overlay = overlays.findById(overlayId).orElseThrow();
    String failed = reasons(overlayId);
    overlay.setState(failed.isEmpty() ? OverlayState.ACTIVE : OverlayState.DEGRADED);
    overlay.setFailureReason(failed.isEmpty() ? null : truncate(failed));
    overlays.save(overlay);
    return reason;
  }

  private static String truncate(String text) {
    return text.length() > 2000 ? text.substring(0, 2000) : text;
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
      overlay.setFailureReason(truncate(reason));
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
    return members.findByOverlayId(overlayId).stream().filter(OverlayMember::inOverlay).toList();
  }
}
