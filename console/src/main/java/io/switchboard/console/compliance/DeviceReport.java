package io.switchboard.console.compliance;

import io.switchboard.api.compliance.ComplianceService;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.compliance.ComplianceReport;
import io.switchboard.inventory.compliance.FeatureDrift;
import io.switchboard.inventory.compliance.SetLine;
import io.switchboard.inventory.scope.AccessScope;
import java.util.List;
import java.util.Map;

/**
 * A device's compliance report as the pages show it: its serial and tenant by name, and per feature
 * the drift with every statement masked once more (a secret value never reaches a page, should a
 * report ever carry one).
 */
public record DeviceReport(
    ComplianceReport report, String serial, String tenant, List<FeatureDrift> features) {

  /** The features that differ from the intended configuration. */
  public List<FeatureDrift> drifted() {
    return features.stream().filter(f -> !f.inSync()).toList();
  }

  static DeviceReport of(ComplianceService.Report r, String serial, String tenant) {
    return new DeviceReport(
        r.report(), serial, tenant, r.features().stream().map(DeviceReport::masked).toList());
  }

  static List<DeviceReport> of(
      List<ComplianceService.Report> reports,
      Names names,
      AccessScope scope,
      Map<String, String> tenantNames) {
    Map<String, String> serials =
        names.serials(scope, reports.stream().map(r -> r.report().getDeviceId()).toList());
    return reports.stream()
        .map(
            r ->
                of(
                    r,
                    serials.getOrDefault(r.report().getDeviceId(), r.report().getDeviceId()),
                    tenantNames.getOrDefault(r.report().getTenantId(), r.report().getTenantId())))
        .toList();
  }

  private static FeatureDrift masked(FeatureDrift f) {
    return new FeatureDrift(
        f.feature(),
        f.inSync(),
        masked(f.missing()),
        masked(f.extra()),
        masked(f.reordered()),
        f.lastWrittenBy());
  }

  private static List<String> masked(List<String> lines) {
    return lines.stream().map(SetLine::masked).toList();
  }
}
