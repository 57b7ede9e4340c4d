package io.switchboard.api.compliance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.inventory.compliance.ComplianceReportRepository;
import io.switchboard.inventory.compliance.ComplianceStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code switchboard.compliance.devices} per {@code status}: devices whose latest check found them
 * out of sync (and in sync, unreachable), counted from the inventory when scraped, so every
 * instance reports the same numbers.
 */
@Component
public class ComplianceMetrics {
  public static final String DEVICES = "switchboard.compliance.devices";

  public ComplianceMetrics(
      ComplianceReportRepository reports, ObjectProvider<MeterRegistry> registry) {
    MeterRegistry meters = registry.getIfAvailable();
    if (meters == null) {
      return; // no metrics in this application
    }
    for (ComplianceStatus status : ComplianceStatus.values()) {
      Gauge.builder(DEVICES, reports, r -> r.countByStatus(status))
          .tag("status", status.name())
          .description("Devices by their latest compliance verdict")
          .register(meters);
    }
  }
}
