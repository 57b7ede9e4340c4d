package io.switchboard.workers.operation;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The failure path's last step: the device records that it failed, and the process reports the
 * operation's outcome ({@code operationOutcome = FAILED} with the reason), which Switchboard's
 * operation tracker reads when the process has ended.
 */
@Component
public class OperationWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(OperationWorkers.class);

  private final DeviceRepository devices;

  public OperationWorkers(DeviceRepository devices) {
    this.devices = devices;
  }

  @JobWorker(type = ZtpOnboarding.JOB_FAIL_OPERATION)
  @Transactional
  public Map<String, Object> fail(
      @Variable(name = OperationContract.VAR_OPERATION_ID, optional = true) String operationId,
      @Variable(name = OperationContract.VAR_TARGET_ID, optional = true) String deviceId,
      @Variable(name = OperationContract.VAR_FAILURE_REASON, optional = true) String failureReason,
      @CustomHeaders Map<String, String> headers) {
    String kind = headers.getOrDefault("failure", "Failed");
    String reason =
        failureReason == null || failureReason.isBlank() ? kind : kind + ": " + failureReason;
    if (deviceId != null) {
      devices
          .findById(deviceId)
          .ifPresent(
              device -> {
                device.setLifecycleState(DeviceLifecycle.FAILED);
                devices.save(device);
              });
    }
    LOG.warn("Operation {} fails: {}", operationId, reason);
    return Map.of(
        OperationContract.VAR_OUTCOME,
        OperationContract.OUTCOME_FAILED,
        OperationContract.VAR_FAILURE_REASON,
        reason);
  }
}
