package io.switchboard.inventory.compliance;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each device's latest compliance report (one row per device, replaced by every check). */
@Service
public class ComplianceRecorder {
  private final ComplianceReportRepository reports;
  private final DeviceRepository devices;

  public ComplianceRecorder(ComplianceReportRepository reports, DeviceRepository devices) {
    this.reports = reports;
    this.devices = devices;
  }

  /**
   * Records a check's verdict.
   *
   * @param lastCommit the device's newest commit, or null when it could not be read
   * @param detailsJson the per-feature drift ({@link ConfigDrift} as JSON), or null
   */
  @Transactional
  public ComplianceReport record(
      String deviceId,
      ComplianceStatus status,
      LastCommit lastCommit,
      String detailsJson,
      String message,
      String operationId,
      Long processInstanceKey) {
    Device device =
        devices
            .findById(deviceId)
            .orElseThrow(() -> new IllegalArgumentException("no device " + deviceId));
    ComplianceReport report =
        reports
            .findByDeviceId(deviceId)
            .orElseGet(() -> new ComplianceReport(device.getTenantId(), deviceId));
    report.checked(status, lastCommit, detailsJson, message, operationId, processInstanceKey);
    return reports.save(report);
  }

  @Transactional(readOnly = true)
  public Optional<ComplianceReport> latest(String deviceId) {
    return reports.findByDeviceId(deviceId);
  }
}
