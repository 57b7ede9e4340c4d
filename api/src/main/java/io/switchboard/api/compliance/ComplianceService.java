package io.switchboard.api.compliance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.compliance.ComplianceDeviceAccess;
import io.switchboard.inventory.compliance.ComplianceReport;
import io.switchboard.inventory.compliance.ComplianceReportRepository;
import io.switchboard.inventory.compliance.ComplianceStatus;
import io.switchboard.inventory.compliance.ComplianceTargetRepository;
import io.switchboard.inventory.compliance.ConfigComparator;
import io.switchboard.inventory.compliance.FeatureDrift;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.compliance.SetLine;
import io.switchboard.inventory.device.ConfigurationPreviews;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRefusedException;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.workflows.compliance.ConfigCompliance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance use cases: the latest report of a device, a fleet summary, on-demand checks, and
 * reconcile (REVERT/ADOPT, or their dry run). Another tenant's device answers 404.
 */
@Service
public class ComplianceService {
  /** The part ADOPT writes (the workers' {@code ReconcileWorkers.PART_ADOPTED}). */
  static final String PART_ADOPTED = "adopted";

  private static final TypeReference<List<FeatureDrift>> FEATURES = new TypeReference<>() {};

  private final ScopedInventory inventory;
  private final ComplianceReportRepository reports;
  private final ComplianceTargetRepository targets;
  private final IntendedConfigRecorder intended;
  private final ObjectProvider<ComplianceDeviceAccess> deviceAccess;
  private final ObjectProvider<ConfigurationPreviews> preview;
  private final OperationStarter starter;
  private final ObjectMapper json;

  public ComplianceService(
      ScopedInventory inventory,
      ComplianceReportRepository reports,
      ComplianceTargetRepository targets,
      IntendedConfigRecorder intended,
      ObjectProvider<ComplianceDeviceAccess> deviceAccess,
      ObjectProvider<ConfigurationPreviews> preview,
      OperationStarter starter,
      ObjectMapper json) {
    this.inventory = inventory;
    this.reports = reports;
    this.targets = targets;
    this.intended = intended;
    this.deviceAccess = deviceAccess;
    this.preview = preview;
    this.starter = starter;
    this.json = json;
  }

  /** A report with its per-feature drift read back. */
  public record Report(ComplianceReport report, List<FeatureDrift> features) {}

  /** What a dry run would do: REVERT's commands and the device's own diff, or ADOPT's lines. */
  public record DryRun(String mode, List<String> commands, String compare) {}

  public record TenantSummary(
      String tenantId, long devices, Map<ComplianceStatus, Long> byStatus, long notChecked) {}

  @Transactional(readOnly = true)
  public Report latest(AccessScope scope, String deviceId) {
    Permissions.require(scope, Action.READ, Resource.COMPLIANCE);
    Device device = device(scope, deviceId);
    ComplianceReport report =
        reports
            .findByDeviceId(device.getId())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "compliance report of device", deviceId + " (not checked yet)"));
    return new Report(report, features(report));
  }

  @Transactional
  public Operation checkDevice(AccessScope scope, String deviceId) {
    Permissions.require(scope, Action.RUN, Resource.COMPLIANCE);
    Device device = device(scope, deviceId);
    return starter.record(
        new Operation(
            device.getTenantId(),
            ConfigCompliance.PROCESS_ID,
            Operation.TARGET_DEVICE,
            device.getId(),
            scope.username()),
        Map.of());
  }

  @Transactional
  public Operation checkTenant(AccessScope scope, String tenantId) {
    Permissions.require(scope, Action.RUN, Resource.COMPLIANCE);
    if (tenantId == null || !inventory.tenants().isVisible(scope, tenantId)) {
      throw ApiException.unprocessable("tenantId", "tenant '" + tenantId + "' not found");
    }
    return starter.record(
        new Operation(
            tenantId,
            ConfigCompliance.PROCESS_ID,
            Operation.TARGET_TENANT,
            tenantId,
            scope.username()),
        Map.of());
  }

  /** Per visible tenant (or the one asked for): devices in service and their verdicts. */
  @Transactional(readOnly = true)
  public List<TenantSummary> summary(AccessScope scope, String tenantId) {
    Permissions.require(scope, Action.READ, Resource.COMPLIANCE);
    List<String> tenantIds = new ArrayList<>();
    if (tenantId != null) {
      if (!inventory.tenants().isVisible(scope, tenantId)) {
        throw ApiException.notFound("tenant", tenantId);
      }
      tenantIds.add(tenantId);
    } else {
      inventory.tenants().page(scope, null, Pageable.unpaged()).stream()
          .map(Tenant::getId)
          .forEach(tenantIds::add);
    }
    Map<String, Map<ComplianceStatus, Long>> counts = new HashMap<>();
    if (!tenantIds.isEmpty()) {
      for (Object[] row : reports.countByTenantAndStatus(tenantIds)) {
        counts
            .computeIfAbsent((String) row[0], t -> new EnumMap<>(ComplianceStatus.class))
            .put((ComplianceStatus) row[1], (Long) row[2]);
      }
    }
    List<TenantSummary> summaries = new ArrayList<>();
    for (String id : tenantIds) {
      Map<ComplianceStatus, Long> byStatus = new EnumMap<>(ComplianceStatus.class);
      for (ComplianceStatus status : ComplianceStatus.values()) {
        byStatus.put(status, counts.getOrDefault(id, Map.of()).getOrDefault(status, 0L));
      }
      long devices = targets.activeDeviceIdsOfTenant(id).size();
      long checked = byStatus.values().stream().mapToLong(Long::longValue).sum();
      summaries.add(new TenantSummary(id, devices, byStatus, Math.max(0, devices - checked)));
    }
    return summaries;
  }

  /** The devices of the summary's tenants that are out of sync, newest check first. */
  @Transactional(readOnly = true)
  public List<Report> outOfSync(List<TenantSummary> summaries) {
    List<String> tenantIds = summaries.stream().map(TenantSummary::tenantId).toList();
    if (tenantIds.isEmpty()) {
      return List.of();
    }
    return reports.findByTenantIdInOrderByCheckedAtDesc(tenantIds).stream()
        .filter(r -> r.getStatus() == ComplianceStatus.OUT_OF_SYNC)
        .map(r -> new Report(r, features(r)))
        .toList();
  }

  /**
   * REVERT (RUN) or ADOPT (WRITE: tenant admins and up): an operation; with {@code dryRun} the
   * change it would make, computed against the device now, without changing anything.
   */
  @Transactional
  public Object reconcile(AccessScope scope, String deviceId, String mode, boolean dryRun) {
    boolean adopt = ConfigCompliance.MODE_ADOPT.equals(mode);
    if (!adopt && !ConfigCompliance.MODE_REVERT.equals(mode)) {
      throw ApiException.invalid("mode", "must be REVERT or ADOPT");
    }
    Permissions.require(scope, adopt ? Action.WRITE : Action.RUN, Resource.COMPLIANCE);
    Device device = device(scope, deviceId);
    if (dryRun) {
      return dryRun(device, adopt);
    }
    return starter.record(
        new Operation(
            device.getTenantId(),
            ConfigCompliance.RECONCILE_PROCESS_ID,
            Operation.TARGET_DEVICE,
            device.getId(),
            scope.username()),
        Map.of(ConfigCompliance.VAR_MODE, mode));
  }

  private DryRun dryRun(Device device, boolean adopt) {
    ComplianceDeviceAccess reader = deviceAccess.getIfAvailable();
    ConfigurationPreviews previewer = preview.getIfAvailable();
    if (reader == null || previewer == null) {
      // an API without the device routes (no workers in this application)
      throw new ApiException(
          org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
          "dryRun",
          "no device access in this application");
    }
    try {
      String running = reader.runningConfiguration(device.getId());
      if (adopt) {
        var others =
            intended.inWriteOrder(device.getId()).stream()
                .filter(p -> !p.getPart().equals(PART_ADOPTED))
                .toList();
        return new DryRun(
            ConfigCompliance.MODE_ADOPT,
            masked(ConfigComparator.adoptLines(others, running)),
            null);
      }
      List<String> commands =
          ConfigComparator.revertCommands(intended.inWriteOrder(device.getId()), running);
      String compare =
          commands.isEmpty() ? "" : previewer.preview(device.getId(), String.join("\n", commands));
      return new DryRun(ConfigCompliance.MODE_REVERT, masked(commands), SetLine.masked(compare));
    } catch (DeviceRefusedException e) {
      throw ApiException.conflict("deviceId", "the device answered: " + e.getMessage());
    }
  }

  /** Secrets never go into an API answer. */
  private static List<String> masked(List<String> lines) {
    return lines.stream().map(SetLine::masked).toList();
  }

  private Device device(AccessScope scope, String deviceId) {
    return inventory
        .devices()
        .find(scope, deviceId)
        .orElseThrow(() -> ApiException.notFound("device", deviceId));
  }

  private List<FeatureDrift> features(ComplianceReport report) {
    if (report.getDetailsJson() == null) {
      return List.of();
    }
    try {
      return json.readValue(report.getDetailsJson(), FEATURES);
    } catch (IOException e) {
      throw new IllegalStateException("compliance report " + report.getId() + " unreadable", e);
    }
  }
}
