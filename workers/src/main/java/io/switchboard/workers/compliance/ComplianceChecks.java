package io.switchboard.workers.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.camel.junos.CommitHistoryEntry;
import io.switchboard.inventory.compliance.ComplianceRecorder;
import io.switchboard.inventory.compliance.ComplianceStatus;
import io.switchboard.inventory.compliance.ConfigComparator;
import io.switchboard.inventory.compliance.ConfigDrift;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.compliance.LastCommit;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workers.device.OnFailure;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * One device's compliance check: reads the running configuration and the last commit, compares with
 * the intended configuration, records the report. The configuration never leaves this method (it
 * may hold secrets, which do not belong in process variables).
 */
@Service
public class ComplianceChecks {
  private final DeviceDriver driver;
  private final IntendedConfigRecorder intended;
  private final ComplianceRecorder reports;
  private final ObjectMapper json = new ObjectMapper();

  public ComplianceChecks(
      DeviceDriver driver, IntendedConfigRecorder intended, ComplianceRecorder reports) {
    this.driver = driver;
    this.intended = intended;
    this.reports = reports;
  }

  /** Checks and records; answers the verdict. */
  public ComplianceStatus check(
      String deviceId, String operationId, Long processInstanceKey, OnFailure onFailure) {
    String running = driver.runningConfiguration(deviceId, onFailure);
    LastCommit last = lastCommit(driver.commitHistory(deviceId, onFailure));
    ConfigDrift drift = ConfigComparator.compare(intended.inWriteOrder(deviceId), running);
    ComplianceStatus status =
        drift.inSync() ? ComplianceStatus.IN_SYNC : ComplianceStatus.OUT_OF_SYNC;
    reports.record(
        deviceId,
        status,
        last,
        toJson(drift),
        drift.inSync() ? null : message(drift, last),
        operationId,
        processInstanceKey);
    return status;
  }

  /** Records that the device could not be read; what was known before stays in the report. */
  public ComplianceStatus unreachable(
      String deviceId, String reason, String operationId, Long processInstanceKey) {
    reports.record(
        deviceId,
        ComplianceStatus.UNREACHABLE,
        null,
        null,
        reason == null ? "the device could not be read" : reason,
        operationId,
        processInstanceKey);
    return ComplianceStatus.UNREACHABLE;
  }

  /** The drift as it stands on the device now (for verification after a revert). */
  public ConfigDrift drift(String deviceId, OnFailure onFailure) {
    return ConfigComparator.compare(
        intended.inWriteOrder(deviceId), driver.runningConfiguration(deviceId, onFailure));
  }

  static LastCommit lastCommit(List<CommitHistoryEntry> history) {
    if (history == null || history.isEmpty()) {
      return null;
    }
    CommitHistoryEntry newest = history.get(0);
    return new LastCommit(newest.user(), newest.time(), newest.client(), newest.comment());
  }

  static String message(ConfigDrift drift, LastCommit last) {
    String features = String.join(", ", drift.driftedFeatures());
    if (last == null) {
      return "out of sync in " + features;
    }
    return "out of sync in "
        + features
        + "; last commit by "
        + last.user()
        + " via "
        + last.client()
        + " at "
        + last.time()
        + (last.comment() == null ? "" : " (\"" + last.comment() + "\")");
  }

  private String toJson(ConfigDrift drift) {
    try {
      return json.writeValueAsString(drift.features());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("drift not serialisable", e);
    }
  }
}
