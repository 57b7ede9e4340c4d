package io.switchboard.console.compliance;

import io.switchboard.api.compliance.ComplianceService;
import io.switchboard.api.compliance.ComplianceService.TenantSummary;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.LiveFeed;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.compliance.ComplianceStatus;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Configuration compliance through the API's {@link ComplianceService}: the fleet summary per
 * tenant with the devices out of sync, checks on demand (a tenant, a device), and a device's REVERT
 * or ADOPT, always previewed first (the service's dry run: the commands and the device's own {@code
 * show | compare}) before the operation is started from the preview.
 */
@Controller
@RequestMapping("/console")
public class CompliancePages {
  private final ComplianceService compliance;
  private final Names names;
  private final LiveFeed feed;

  public CompliancePages(ComplianceService compliance, Names names, LiveFeed feed) {
    this.compliance = compliance;
    this.names = names;
    this.feed = feed;
  }

  /** One tenant's line of the summary, with its name. */
  public record TenantLine(String name, TenantSummary summary) {}

  @GetMapping("/compliance")
  public String summary(@RequestParam(required = false) String tenantId, Model model) {
    AccessScope scope = CurrentScope.get();
    Map<String, String> tenantNames = names.tenants(scope);
    List<TenantSummary> summaries =
        compliance.summary(scope, tenantId == null || tenantId.isBlank() ? null : tenantId);
    model.addAttribute(
        "tenants",
        summaries.stream()
            .map(s -> new TenantLine(tenantNames.getOrDefault(s.tenantId(), s.tenantId()), s))
            .toList());
    Map<ComplianceStatus, Long> totals = new EnumMap<>(ComplianceStatus.class);
    for (ComplianceStatus status : ComplianceStatus.values()) {
      totals.put(status, summaries.stream().mapToLong(s -> s.byStatus().get(status)).sum());
    }
    model.addAttribute("totals", totals);
    model.addAttribute("devices", summaries.stream().mapToLong(TenantSummary::devices).sum());
    model.addAttribute("notChecked", summaries.stream().mapToLong(TenantSummary::notChecked).sum());
    model.addAttribute("statuses", ComplianceStatus.values());
    List<DeviceReport> drifted =
        DeviceReport.of(compliance.outOfSync(summaries), names, scope, tenantNames);
    model.addAttribute("outOfSync", drifted);
    model.addAttribute("tenantNames", tenantNames);
    model.addAttribute("tenantId", tenantId);
    return "console/compliance";
  }

  /**
   * The summary's live updates: a "changed" event whenever a tenant's counts or the devices out of
   * sync (and when each was checked) change, in the caller's scope, taken when the stream opens.
   */
  @GetMapping(value = "/compliance/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  public SseEmitter events(@RequestParam(required = false) String tenantId) {
    AccessScope scope = CurrentScope.get();
    String tenant = tenantId == null || tenantId.isBlank() ? null : tenantId;
    // read once here: a refusal (404, 403) answers the request itself
    signature(scope, tenant);
    return feed.changes(() -> signature(scope, tenant));
  }

  private String signature(AccessScope scope, String tenantId) {
    List<TenantSummary> summaries = compliance.summary(scope, tenantId);
    return LiveFeed.signature(
        summaries,
        compliance.outOfSync(summaries).stream()
            .map(r -> r.report().getDeviceId() + "@" + r.report().getCheckedAt())
            .toList());
  }

  @PostMapping("/compliance/checks")
  public String checkTenant(@RequestParam String tenantId, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/compliance",
        () -> {
          Operation check = compliance.checkTenant(CurrentScope.get(), tenantId);
          return "Check started for the tenant's devices (operation " + check.getId() + ").";
        });
  }

  @PostMapping("/devices/{id}/compliance/check")
  public String checkDevice(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/devices/" + id,
        () -> {
          Operation check = compliance.checkDevice(CurrentScope.get(), id);
          return "Check started (operation " + check.getId() + "); the report follows.";
        });
  }

  /**
   * What REVERT or ADOPT would do now, computed against the device and changing nothing; the page
   * offers to go ahead. A refusal (the device answered an error, no device access) goes back to the
   * device page with the service's words.
   */
  @PostMapping("/devices/{id}/compliance/preview")
  public String preview(
      @PathVariable String id,
      @RequestParam String mode,
      Model model,
      RedirectAttributes redirect) {
    AccessScope scope = CurrentScope.get();
    return Actions.orBack(
        redirect,
        "/console/devices/" + id,
        () -> {
          model.addAttribute("dryRun", compliance.reconcile(scope, id, mode, true));
          model.addAttribute("deviceId", id);
          model.addAttribute("serial", names.serials(scope, List.of(id)).getOrDefault(id, id));
          return "console/compliance-preview";
        });
  }

  /** Starts REVERT or ADOPT (config-reconcile) and follows it on its operation's page. */
  @PostMapping("/devices/{id}/compliance/reconcile")
  public String reconcile(
      @PathVariable String id, @RequestParam String mode, RedirectAttributes redirect) {
    return Actions.attemptTo(
        redirect,
        "/console/devices/" + id,
        () -> {
          Operation started = (Operation) compliance.reconcile(CurrentScope.get(), id, mode, false);
          // the service took the mode: REVERT or ADOPT
          return new Actions.Done(mode + " started.", "/console/operations/" + started.getId());
        });
  }
}
