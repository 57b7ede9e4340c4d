package io.switchboard.console.compliance;

import io.switchboard.api.compliance.ComplianceService;
import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.scope.AccessScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The latest compliance report of a device the caller sees, for the device's page. */
@Component
public class ComplianceReports {
  private final ComplianceService compliance;

  public ComplianceReports(ComplianceService compliance) {
    this.compliance = compliance;
  }

  /** The report, or null while the device has not been checked yet. */
  public DeviceReport latest(AccessScope scope, Device device) {
    try {
      return DeviceReport.of(
          compliance.latest(scope, device.getId()), device.getSerialNumber(), null);
    } catch (ApiException e) {
      // the device itself is in scope (the page read it first): 404 here means "not checked yet"
      if (e.status() == HttpStatus.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
