package io.switchboard.console.dashboard;

import io.switchboard.api.common.Filters;
import io.switchboard.api.compliance.ComplianceService;
import io.switchboard.api.device.DeviceService;
import io.switchboard.api.operation.OperationService;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.tenancy.TenantService;
import io.switchboard.inventory.compliance.ComplianceStatus;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.tenancy.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: devices by lifecycle state, operations running and failed today (UTC), and open
 * incidents (running operations that need attention) and devices out of compliance, per tenant for
 * users above a tenant. Counts come from the API's scoped services, one count query each, never
 * from whole lists.
 */
@Controller
public class DashboardPage {
  /** Tenants shown one by one at most; beyond, the totals still count everything. */
  static final int MAX_TENANT_ROWS = 50;

  /** Running operations looked at for attention. */
  static final int MAX_RUNNING = 200;

  private final DeviceService devices;
  private final OperationService operations;
  private final TenantService tenants;
  private final ComplianceService compliance;
  private final Clock clock = Clock.systemUTC();

  public DashboardPage(
      DeviceService devices,
      OperationService operations,
      TenantService tenants,
      ComplianceService compliance) {
    this.devices = devices;
    this.operations = operations;
    this.tenants = tenants;
    this.compliance = compliance;
  }

  /** The counts of one tenant, or of everything in scope when {@code tenantId} is null. */
  public record Counts(
      String tenantId,
      String name,
      Map<DeviceLifecycle, Long> devicesByState,
      long devices,
      long running,
      long failedToday,
      long openIncidents,
      long outOfSync) {}

  @GetMapping("/console")
  public String dashboard(Model model) {
    AccessScope scope = CurrentScope.get();
    model.addAttribute("lifecycles", DeviceLifecycle.values());
    // one summary for every tenant in scope: its counts are grouped queries, not whole lists
    Map<String, Long> outOfSync = new HashMap<>();
    for (ComplianceService.TenantSummary t : compliance.summary(scope, null)) {
      outOfSync.put(t.tenantId(), t.byStatus().get(ComplianceStatus.OUT_OF_SYNC));
    }
    long allOutOfSync = outOfSync.values().stream().mapToLong(Long::longValue).sum();
    model.addAttribute("total", counts(scope, null, "All tenants in your scope", allOutOfSync));
    List<Counts> rows = new ArrayList<>();
    Page<Tenant> visible =
        scope.isTenant()
            ? Page.empty()
            : tenants.list(
                scope, Filters.none(), PageRequest.of(0, MAX_TENANT_ROWS, Sort.by("name")));
    for (Tenant t : visible) {
      rows.add(counts(scope, t.getId(), t.getName(), outOfSync.getOrDefault(t.getId(), 0L)));
    }
    model.addAttribute("perTenant", rows);
    model.addAttribute("moreTenants", visible.getTotalElements() - rows.size());
    return "console/dashboard";
  }

  private Counts counts(AccessScope scope, String tenantId, String name, long outOfSync) {
    Map<DeviceLifecycle, Long> byState = new EnumMap<>(DeviceLifecycle.class);
    long all = 0;
    for (DeviceLifecycle state : DeviceLifecycle.values()) {
      Specification<Device> filter =
          Filters.<Device>equal("tenantId", tenantId).and(Filters.equal("lifecycleState", state));
      long n = devices.list(scope, filter, PageRequest.of(0, 1)).getTotalElements();
      byState.put(state, n);
      all += n;
    }
    Instant today = LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC);
    Page<Operation> running =
        operations.list(
            scope,
            tenantId,
            null,
            OperationState.RUNNING,
            null,
            null,
            PageRequest.of(0, MAX_RUNNING));
    long failed =
        operations
            .list(scope, tenantId, null, OperationState.FAILED, today, null, PageRequest.of(0, 1))
            .getTotalElements();
    long attention = running.getContent().stream().filter(Operation::isAttention).count();
    return new Counts(
        tenantId, name, byState, all, running.getTotalElements(), failed, attention, outOfSync);
  }
}
