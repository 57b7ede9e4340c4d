package io.switchboard.workers.observability;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobHandler;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.workflows.observability.LogFields;
import io.switchboard.workflows.operation.OperationContract;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Runs a job handler with the job's log fields in the MDC (tenant, operation, process instance,
 * device serial, job type), so every line a worker writes, also the failure handling's, says what
 * it was for; Camel carries them onto its own threads (camel.springboot.use-mdc-logging).
 */
@Component
public class JobLogContext {
  private static final Logger LOG = LoggerFactory.getLogger(JobLogContext.class);
  private static final int MAX_CACHED_SERIALS = 10_000;

  private final DeviceRepository devices;
  private final Map<String, String> serials = new ConcurrentHashMap<>();

  public JobLogContext(DeviceRepository devices) {
    this.devices = devices;
  }

  /** The handler, wrapped. */
  public JobHandler around(JobHandler handler) {
    return (client, job) -> {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      try {
        put(job);
        LOG.debug(
            "Job {} ({}) of process instance {} starts",
            job.getKey(),
            job.getType(),
            job.getProcessInstanceKey());
        handler.handle(client, job);
      } finally {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    };
  }

  void put(ActivatedJob job) {
    MDC.put(LogFields.PROCESS_INSTANCE, Long.toString(job.getProcessInstanceKey()));
    MDC.put(LogFields.WORKER_JOB, job.getType());
    Map<String, Object> variables;
    try {
      variables = job.getVariablesAsMap();
    } catch (RuntimeException unreadable) {
      return; // the handler will say so
    }
    putString(LogFields.TENANT, variables.get(OperationContract.VAR_TENANT_ID));
    putString(LogFields.OPERATION, variables.get(OperationContract.VAR_OPERATION_ID));
    if (Operation.TARGET_DEVICE.equals(variables.get(OperationContract.VAR_TARGET_KIND))
        && variables.get(OperationContract.VAR_TARGET_ID) instanceof String deviceId) {
      putString(LogFields.DEVICE_SERIAL, serialOf(deviceId));
    }
  }

  private String serialOf(String deviceId) {
    String known = serials.get(deviceId);
    if (known != null) {
      return known;
    }
    String serial;
    try {
      serial = devices.findById(deviceId).map(Device::getSerialNumber).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
    if (serial != null) {
      if (serials.size() >= MAX_CACHED_SERIALS) {
        serials.clear();
      }
      serials.put(deviceId, serial); // a device's serial never changes
    }
    return serial;
  }

  private static void putString(String key, Object value) {
    if (value instanceof String s && !s.isBlank()) {
      MDC.put(key, s);
    }
  }
}
