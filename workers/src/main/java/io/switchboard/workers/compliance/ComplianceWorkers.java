package io.switchboard.workers.compliance;

import static io.switchboard.workers.device.OnFailure.raiseUnreachable;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.switchboard.inventory.compliance.ComplianceTargetRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.workflows.compliance.ComplianceVariables;
import io.switchboard.workflows.compliance.ConfigCompliance;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The steps of {@code config-compliance}: select the devices, check each, record unreachable. */
@Component
public class ComplianceWorkers {
  private final ComplianceChecks checks;
  private final ComplianceTargetRepository targets;

  public ComplianceWorkers(ComplianceChecks checks, ComplianceTargetRepository targets) {
    this.checks = checks;
    this.targets = targets;
  }

  /** A device, a tenant's devices in service, or (the timer run) every device in service. */
  @JobWorker(type = ConfigCompliance.JOB_SELECT_DEVICES)
  public Map<String, Object> selectDevices(@VariablesAsType ComplianceVariables v) {
    List<String> ids;
    if (Operation.TARGET_DEVICE.equals(v.targetKind())) {
      ids = List.of(v.targetId());
    } else if (Operation.TARGET_TENANT.equals(v.targetKind())) {
      ids = targets.activeDeviceIdsOfTenant(v.targetId());
    } else {
      ids = targets.activeDeviceIds();
    }
    return Map.of(ConfigCompliance.VAR_DEVICE_IDS, ids);
  }

  @JobWorker(type = ConfigCompliance.JOB_CHECK_DEVICE)
  public Map<String, Object> checkDevice(ActivatedJob job, @VariablesAsType ComplianceVariables v) {
    return status(
        checks.check(
            v.deviceId(),
            v.operationId(),
            job.getProcessInstanceKey(),
            raiseUnreachable(
                ConfigCompliance.ERROR_DEVICE_UNREACHABLE,
                ConfigCompliance.ERROR_DEVICE_UNREACHABLE,
                ConfigCompliance.VAR_UNREACHABLE_REASON,
                job)));
  }

  @JobWorker(type = ConfigCompliance.JOB_RECORD_UNREACHABLE)
  public Map<String, Object> recordUnreachable(
      ActivatedJob job, @VariablesAsType ComplianceVariables v) {
    return status(
        checks.unreachable(
            v.deviceId(), v.unreachableReason(), v.operationId(), job.getProcessInstanceKey()));
  }

  private static Map<String, Object> status(Object status) {
    return Map.of(ConfigCompliance.VAR_COMPLIANCE_STATUS, status.toString());
  }
}
