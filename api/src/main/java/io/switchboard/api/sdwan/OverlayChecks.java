package io.switchboard.api.sdwan;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.compliance.SetLine;
import io.switchboard.inventory.device.ConfigurationPreviews;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRefusedException;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.plan.Plan;
import io.switchboard.inventory.sdwan.plan.PlanException;
import io.switchboard.inventory.sdwan.planning.OverlayPlanning;
import io.switchboard.inventory.sdwan.render.JunosSdwanRenderer;
import io.switchboard.inventory.sdwan.sla.ProbeReading;
import io.switchboard.inventory.sdwan.sla.SdwanProbes;
import io.switchboard.inventory.sdwan.sla.SteeringCheck;
import io.switchboard.inventory.sdwan.sla.TunnelSla;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What an overlay's devices say: the plan preview (the rendered change, and per device its own
 * {@code show | compare}) and the steering check (the RPM probes read now, the path each rule
 * takes). Scope and permissions as {@link OverlayService}; device calls hold no transaction.
 */
@Service
public class OverlayChecks {
  /** The plan preview: allocations and, per site, the commands a rollout would send. */
  public record PlanPreview(
      boolean unchanged,
      List<Tunnel> tunnels,
      List<Integer> added,
      List<Integer> removed,
      Map<String, List<String>> configuration,
      List<DevicePreview> devices) {}

  /**
   * One site's device's own {@code show | compare} of the change (keys hidden); {@code error} is
   * the device's message when it refused the load or could not be reached.
   */
  public record DevicePreview(String siteId, String deviceId, String compare, String error) {}

  /** A steering check: when it measured, per site the choices, and the sites it could not read. */
  public record SteeringCheckResult(
      Instant measuredAt, List<SteeringCheck.SiteSteering> sites, Map<String, String> errors) {}

  private final OverlayService overlays;
  private final OverlayPlanning planning;
  private final DeviceRepository devices;
  private final TunnelSla sla;
  private final ObjectProvider<ConfigurationPreviews> previews;
  private final ObjectProvider<SdwanProbes> probes;
  private final int previewParallelism;

  public OverlayChecks(
      OverlayService overlays,
      OverlayPlanning planning,
      DeviceRepository devices,
      TunnelSla sla,
      ObjectProvider<ConfigurationPreviews> previews,
      ObjectProvider<SdwanProbes> probes,
      @Value("${switchboard.sdwan.preview-parallelism:8}") int previewParallelism) {
    this.overlays = overlays;
    this.planning = planning;
    this.devices = devices;
    this.sla = sla;
    this.previews = previews;
    this.probes = probes;
    this.previewParallelism = previewParallelism;
  }

  /**
   * What a rollout would do now, computed and rendered without writing anything, and per device
   * that the rollout would configure the change as the device reports it (loaded into its candidate
   * under the lock, compared, discarded). Not transactional: device calls must not hold a database
   * connection.
   */
  public PlanPreview plan(AccessScope scope, String id) {
    overlays.get(scope, id);
    OverlayPlanning.Snapshot snapshot = planning.snapshot(id);
    Plan plan;
    try {
      plan = planning.plan(snapshot);
    } catch (PlanException e) {
      throw ApiException.unprocessable(e.field(), e.getMessage());
    }
    Map<String, List<String>> configuration = new LinkedHashMap<>();
    for (String site : snapshot.members().keySet()) {
      List<String> lines =
          new ArrayList<>(
              JunosSdwanRenderer.removal(
                  planning.previousIntent(snapshot, site, n -> JunosSdwanRenderer.HIDDEN_KEY),
                  planning.intent(
                      snapshot, plan.tunnels(), site, n -> JunosSdwanRenderer.HIDDEN_KEY)));
      lines.addAll(
          JunosSdwanRenderer.render(
              planning.intent(snapshot, plan.tunnels(), site, n -> JunosSdwanRenderer.HIDDEN_KEY)));
      configuration.put(site, lines);
    }
    List<Tunnel> views = new ArrayList<>();
    Map<Integer, Tunnel> existing = snapshot.tunnels();
    for (var t : plan.tunnels()) {
      Tunnel view = existing.get(t.number());
      if (view == null || plan.changed().stream().anyMatch(c -> c.number() == t.number())) {
        view = new Tunnel(snapshot.overlay().getTenantId(), id, t.number(), "");
        view.setPathLabel(t.pathLabel());
        view.setASiteId(t.aSiteId());
        view.setAInterface(t.aInterface());
        view.setAUnderlay(t.aUnderlay());
        view.setAAddress(t.aAddress());
        view.setBSiteId(t.bSiteId());
        view.setBInterface(t.bInterface());
        view.setBUnderlay(t.bUnderlay());
        view.setBAddress(t.bAddress());
        view.setSt0Unit(t.unit());
      }
      views.add(view);
    }
    return new PlanPreview(
        plan.unchanged(),
        views,
        plan.added().stream().map(t -> t.number()).toList(),
        plan.removed().stream().map(t -> t.number()).toList(),
        configuration,
        devicePreviews(snapshot, plan));
  }

  /**
   * Each site a rollout would configure (touched, or not ACTIVE), previewed by its device: the
   * loads are computed first, then the devices are called in parallel, at most {@code
   * switchboard.sdwan.preview-parallelism} (default 8) at a time.
   */
  private List<DevicePreview> devicePreviews(OverlayPlanning.Snapshot snapshot, Plan plan) {
    ConfigurationPreviews device = previews.getIfAvailable();
    if (device == null) {
      return List.of();
    }
    Set<String> touched = planning.touchedSites(snapshot, plan);
    record Load(String siteId, Device device, String lines) {}
    List<Load> loads = new ArrayList<>();
    for (OverlayMember m : snapshot.members().values()) {
      String site = m.getSiteId();
      if (!touched.contains(site) && "ACTIVE".equals(m.getState())) {
        continue;
      }
      Device at = deviceAt(site);
      loads.add(
          new Load(
              site,
              at,
              at == null ? null : String.join("\n", planning.previewFor(snapshot, plan, site))));
    }
    return DeviceFanOut.map(
        loads,
        previewParallelism,
        load -> {
          if (load.device() == null) {
            return new DevicePreview(load.siteId(), null, null, "the site has no device");
          }
          String deviceId = load.device().getId();
          try {
            String compare = device.preview(deviceId, load.lines());
            return new DevicePreview(load.siteId(), deviceId, SetLine.masked(compare), null);
          } catch (DeviceRefusedException e) {
            return new DevicePreview(load.siteId(), deviceId, null, SetLine.masked(e.getMessage()));
          }
        });
  }

  /**
   * Reads every member device's RPM probes now, records what they measure on the tunnels, and
   * answers per site and steering rule the path its device would choose towards each peer. A device
   * that cannot be read keeps its tunnels' last measurement and is named in {@code errors}. Not
   * transactional: device calls must not hold a database connection.
   */
  public SteeringCheckResult steeringCheck(AccessScope scope, String id) {
    overlays.get(scope, id);
    Permissions.require(scope, Action.RUN, Resource.NETWORK);
    SdwanProbes reader = probes.getIfAvailable();
    if (reader == null) {
      throw new ApiException(
          org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
          null,
          "no device access in this application");
    }
    Map<String, List<ProbeReading>> readings = new HashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (OverlayMember m : overlays.members(id)) {
      if (!m.inOverlay()) {
        continue;
      }
      Device at = deviceAt(m.getSiteId());
      if (at == null) {
        errors.put(m.getSiteId(), "the site has no device");
        continue;
      }
      try {
        readings.put(m.getSiteId(), reader.read(at.getId()));
      } catch (DeviceRefusedException e) {
        errors.put(m.getSiteId(), e.getMessage());
      }
    }
    Instant now = Instant.now();
    sla.record(id, readings, now);
    return new SteeringCheckResult(now, sla.steering(id), errors);
  }

  private Device deviceAt(String siteId) {
    return devices.findAll((r, q, cb) -> cb.equal(r.get("siteId"), siteId)).stream()
        .findFirst()
        .orElse(null);
  }
}
