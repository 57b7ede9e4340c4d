package io.switchboard.workers.operation;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ends an operation that failed: the operation and its device record why. */
@Component
public class OperationWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(OperationWorkers.class);

  private final OperationProgress progress;
  private final DeviceRepository devices;

  public OperationWorkers(OperationProgress progress, DeviceRepository devices) {
    this.progress = progress;
    this.devices = devices;
  }

  @JobWorker(type = ZtpOnboarding.JOB_FAIL_OPERATION)
  @Transactional
  public void fail(
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "targetId", optional = true) String deviceId,
      @Variable(name = ZtpOnboarding.VAR_FAILURE, optional = true) String failureReason,
      @CustomHeaders Map<String, String> headers) {
    String kind = headers.getOrDefault("failure", "FAILED");
    String reason =
        failureReason == null || failureReason.isBlank() ? kind : kind + ": " + failureReason;
    progress.failed(operationId, kind, reason);
    if (deviceId != null) {
      devices
          .findById(deviceId)
          .ifPresent(
              device -> {
                device.setLifecycleState(DeviceLifecycle.FAILED);
                devices.save(device);
              });
    }
    LOG.warn("Operation {} failed: {}", operationId, reason);
  }
}
