package io.switchboard.api.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.operation.OperationController.OperationView;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.compliance.ComplianceReport;
import io.switchboard.inventory.compliance.ComplianceStatus;
import io.switchboard.inventory.compliance.FeatureDrift;
import io.switchboard.inventory.compliance.LastCommit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Configuration compliance: reports, checks on demand, and repair (REVERT or ADOPT). */
@RestController
@Tag(
    name = "Compliance",
    description =
        "Running configuration compared with the intended one by meaning, per feature, with who"
            + " changed the device; checks on demand; REVERT or ADOPT with a dry run")
@RequestMapping("/api/v1")
public class ComplianceController {
  private final ComplianceService service;

  public ComplianceController(ComplianceService service) {
    this.service = service;
  }

  public record ReportView(
      String deviceId,
      String tenantId,
      ComplianceStatus status,
      Instant checkedAt,
      Instant outOfSyncSince,
      LastCommit lastCommit,
      List<FeatureDrift> features,
      String message,
      String operationId,
      String processInstanceKey) {
    static ReportView of(ComplianceService.Report r) {
      ComplianceReport report = r.report();
      return new ReportView(
          report.getDeviceId(),
          report.getTenantId(),
          report.getStatus(),
          report.getCheckedAt(),
          report.getOutOfSyncSince(),
          report.getLastCommit(),
          r.features(),
          report.getMessage(),
          report.getOperationId(),
          report.getProcessInstanceKey() == null
              ? null
              : String.valueOf(report.getProcessInstanceKey()));
    }
  }

  public record SummaryView(
      List<ComplianceService.TenantSummary> tenants,
      Map<String, Long> totals,
      List<ReportView> outOfSync) {}

  public record TenantCheckRequest(@NotBlank @Size(max = 36) @SafeText String tenantId) {}

  public record ReconcileRequest(
      @NotBlank @Pattern(regexp = "REVERT|ADOPT", message = "must be REVERT or ADOPT") String mode,
      Boolean dryRun) {}

  @GetMapping("/devices/{id}/compliance")
  @Operation(
      summary = "The device's latest compliance report",
      description =
          "IN_SYNC, OUT_OF_SYNC or UNREACHABLE; per feature (system, interfaces, overlay,"
              + " firewall, vnf) the missing, extra and reordered statements in set form and the"
              + " intended part and operation that last wrote them; the device's last commit"
              + " (user, time, client, comment). 404 before the first check.")
  public ReportView report(@PathVariable String id) {
    return ReportView.of(service.latest(CurrentScope.get(), id));
  }

  @PostMapping("/devices/{id}/compliance-checks")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Check the device now",
      description =
          "Starts config-compliance for this device as an operation (202); its report is then"
              + " at GET /devices/{id}/compliance.")
  public OperationView checkDevice(@PathVariable String id) {
    return OperationView.of(service.checkDevice(CurrentScope.get(), id));
  }

  @PostMapping("/compliance-checks")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Check every device of a tenant now",
      description =
          "Starts config-compliance for the tenant's devices in service (ACTIVE) as one operation"
              + " (202); its result counts the devices per verdict.")
  public OperationView checkTenant(@Valid @RequestBody TenantCheckRequest request) {
    return OperationView.of(service.checkTenant(CurrentScope.get(), request.tenantId()));
  }

  @GetMapping("/compliance")
  @Operation(
      summary = "Fleet compliance summary",
      description =
          "Per visible tenant (or the one named by tenantId): devices in service, their count per"
              + " verdict and not checked yet, totals, and the reports of the devices out of sync.")
  public SummaryView summary(@RequestParam(required = false) String tenantId) {
    var tenants = service.summary(CurrentScope.get(), tenantId);
    Map<String, Long> totals = new java.util.LinkedHashMap<>();
    totals.put(
        "devices", tenants.stream().mapToLong(ComplianceService.TenantSummary::devices).sum());
    for (ComplianceStatus status : ComplianceStatus.values()) {
      totals.put(status.name(), tenants.stream().mapToLong(t -> t.byStatus().get(status)).sum());
    }
    totals.put(
        "notChecked",
        tenants.stream().mapToLong(ComplianceService.TenantSummary::notChecked).sum());
    return new SummaryView(
        tenants, totals, service.outOfSync(tenants).stream().map(ReportView::of).toList());
  }

  @PostMapping("/devices/{id}/reconcile")
  @Operation(
      summary = "Repair a drifted device: REVERT or ADOPT",
      description =
          "REVERT pushes the intended configuration back (commit confirmed, verify, confirm);"
              + " ADOPT takes the device's change into the intended configuration (tenant admins"
              + " and up). Both start config-reconcile as an operation (202). With dryRun: 200"
              + " with the commands (REVERT: and the device's own show | compare, loaded into the"
              + " candidate and discarded) and nothing changed.")
  public ResponseEntity<Object> reconcile(
      @PathVariable String id, @Valid @RequestBody ReconcileRequest request) {
    boolean dryRun = Boolean.TRUE.equals(request.dryRun());
    Object result = service.reconcile(CurrentScope.get(), id, request.mode(), dryRun);
    if (result instanceof io.switchboard.inventory.operation.Operation operation) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(OperationView.of(operation));
    }
    return ResponseEntity.ok(result);
  }
}
