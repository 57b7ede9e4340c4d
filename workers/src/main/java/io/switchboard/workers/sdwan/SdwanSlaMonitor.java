package io.switchboard.workers.sdwan;

import io.switchboard.camel.junos.IpsecSecurityAssociation;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.render.JunosSdwanRenderer;
import io.switchboard.inventory.sdwan.sla.ProbeReading;
import io.switchboard.inventory.sdwan.sla.TunnelSla;
import io.switchboard.workflows.observability.LogFields;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Measures live overlays (ACTIVE or DEGRADED) on a timer, not only when a rollout, join or steering
 * check reads the devices: every {@code switchboard.sdwan.sla-interval} (ISO-8601; off when zero,
 * the default here; the application sets PT60S) it takes the next {@code
 * switchboard.sdwan.sla-overlays-per-tick} overlays (default 20) in turn, reads each member
 * device's IPsec SAs and RPM probes, records the tunnels' SLA, sets each tunnel UP or DOWN and the
 * overlay DEGRADED while a tunnel is down (or a member failed), ACTIVE otherwise. One overlay at a
 * time, within its tenant (the log lines carry it); a device that cannot be read leaves the tunnels
 * ending there as they were.
 */
@Component
public class SdwanSlaMonitor implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(SdwanSlaMonitor.class);

  private final SdwanRollouts rollouts;
  private final SdwanDevices sdwanDevices;
  private final TunnelSla sla;
  private final Duration interval;
  private final int overlaysPerTick;
  private ScheduledExecutorService timer;
  private String cursor = "";

  public SdwanSlaMonitor(
      SdwanRollouts rollouts,
      SdwanDevices sdwanDevices,
      TunnelSla sla,
      @Value("${switchboard.sdwan.sla-interval:PT0S}") Duration interval,
      @Value("${switchboard.sdwan.sla-overlays-per-tick:20}") int overlaysPerTick) {
    this.rollouts = rollouts;
    this.sdwanDevices = sdwanDevices;
    this.sla = sla;
    this.interval = interval;
    this.overlaysPerTick = Math.max(1, overlaysPerTick);
  }

  @Override
  public synchronized void start() {
    if (interval.isZero() || interval.isNegative() || timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sdwan-sla-monitor");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::tickSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("SD-WAN SLA measurement failed: {}", e.getMessage(), e);
    }
  }

  /** Measures the next overlays in id order after the last one measured, wrapping around. */
  void tick() {
    List<Overlay> batch = rollouts.liveOverlaysAfter(cursor, overlaysPerTick);
    if (batch.isEmpty() && !cursor.isEmpty()) {
      cursor = "";
      batch = rollouts.liveOverlaysAfter(cursor, overlaysPerTick);
    }
    for (Overlay overlay : batch) {
      cursor = overlay.getId();
      MDC.put(LogFields.TENANT, overlay.getTenantId());
      try {
        measure(overlay.getId());
      } finally {
        MDC.remove(LogFields.TENANT);
      }
    }
  }

  /** Reads every member device of one overlay and records what it says. */
  void measure(String overlayId) {
    Map<String, Set<String>> upAt = new HashMap<>();
    Map<String, List<ProbeReading>> probes = new HashMap<>();
    for (OverlayMember m : rollouts.inState(overlayId, SdwanRollouts.ACTIVE)) {
      Optional<Device> device = rollouts.deviceAt(m.getSiteId());
      if (device.isEmpty()) {
        continue;
      }
      try {
        Set<String> up = new HashSet<>();
        for (IpsecSecurityAssociation sa : sdwanDevices.ipsecAssociations(device.get().getId())) {
          if (sa.isUp()) {
            up.add(sa.vpnName());
          }
        }
        probes.put(m.getSiteId(), sdwanDevices.read(device.get().getId()));
        upAt.put(m.getSiteId(), up);
      } catch (RuntimeException e) {
        LOG.info(
            "SD-WAN overlay {}: site {} not measured: {}",
            overlayId,
            rollouts.siteName(m.getSiteId()),
            e.getMessage());
      }
    }
    Set<Integer> known = new HashSet<>();
    Set<Integer> up = new HashSet<>();
    for (Tunnel t : rollouts.tunnelsToVerify(overlayId)) {
      Set<String> a = upAt.get(t.getASiteId());
      Set<String> b = upAt.get(t.getBSiteId());
      if (a == null || b == null) {
        continue;
      }
      known.add(t.getNumber());
      String vpn = JunosSdwanRenderer.tunnelName(t.getSt0Unit());
      if (a.contains(vpn) && b.contains(vpn)) {
        up.add(t.getNumber());
      }
    }
    sla.record(overlayId, probes, Instant.now());
    rollouts.observed(overlayId, known, up);
  }

  @Override
  public int getPhase() {
    // after the Camel context (routes) is up, stopped before it
    return Integer.MAX_VALUE - 10;
  }
}
