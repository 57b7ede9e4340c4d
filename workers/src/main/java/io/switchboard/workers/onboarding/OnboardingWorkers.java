package io.switchboard.workers.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import io.switchboard.workflows.ztp.ZtpOnboardingVariables;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The inventory steps of onboarding: start, validate what phoned home, finish. */
@Component
public class OnboardingWorkers {
  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final SiteRepository sites;

  public OnboardingWorkers(
      DeviceRepository devices, DeviceModelRepository models, SiteRepository sites) {
    this.devices = devices;
    this.models = models;
    this.sites = sites;
  }

  /** Marks the device onboarding and gives the process what it correlates and decides on. */
  @JobWorker(type = ZtpOnboarding.JOB_MARK_ONBOARDING)
  @Transactional
  public Map<String, Object> markOnboarding(@VariablesAsType ZtpOnboardingVariables v) {
    Device device = device(v.targetId());
    device.setLifecycleState(DeviceLifecycle.ONBOARDING);
    devices.save(device);
    Map<String, Object> variables = new HashMap<>();
    variables.put(ZtpOnboarding.VAR_SERIAL, device.getSerialNumber());
    variables.put(
        ZtpOnboarding.VAR_DEVICE_MODEL,
        models.findById(device.getModelId()).map(DeviceModel::getName).orElse(null));
    variables.put(
        ZtpOnboarding.VAR_TARGET_VERSION,
        device.getSiteId() == null
            ? null
            : sites.findById(device.getSiteId()).map(Site::getTargetSoftwareVersion).orElse(null));
    return variables;
  }

  /** What phoned home must be the registered device: same serial, same model. */
  @JobWorker(type = ZtpOnboarding.JOB_VALIDATE_DEVICE)
  @Transactional
  public Map<String, Object> validate(@VariablesAsType ZtpOnboardingVariables v) {
    Device device = device(v.targetId());
    String reportedSerial = v.reportedSerial();
    String reportedModel = v.reportedModel();
    String softwareVersion = v.softwareVersion();
    if (reportedSerial != null && !reportedSerial.equals(device.getSerialNumber())) {
      throw rejected(
          "device reports serial "
              + reportedSerial
              + ", registered as "
              + device.getSerialNumber());
    }
    String model = models.findById(device.getModelId()).map(DeviceModel::getName).orElse(null);
    if (reportedModel != null && model != null && !reportedModel.equalsIgnoreCase(model)) {
      throw rejected("device reports model " + reportedModel + ", registered as " + model);
    }
    if (softwareVersion != null) {
      device.setSoftwareVersion(softwareVersion);
      devices.save(device);
    }
    return Map.of();
  }

  @JobWorker(type = ZtpOnboarding.JOB_MARK_ACTIVE)
  @Transactional
  public Map<String, Object> markActive(@VariablesAsType ZtpOnboardingVariables v) {
    Device device = device(v.targetId());
    device.setLifecycleState(DeviceLifecycle.ACTIVE);
    devices.save(device);
    if (device.getSiteId() != null) {
      sites
          .findById(device.getSiteId())
          .ifPresent(
              site -> {
                site.setLifecycleState("ACTIVE");
                sites.save(site);
              });
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("serialNumber", device.getSerialNumber());
    result.put("softwareVersion", device.getSoftwareVersion());
    result.put("state", DeviceLifecycle.ACTIVE.name());
    return Map.of(OperationContract.VAR_RESULT, result);
  }

  private static RuntimeException rejected(String message) {
    return CamundaError.bpmnError(
        ZtpOnboarding.ERROR_DEVICE_REJECTED, message, Map.of(ZtpOnboarding.VAR_FAILURE, message));
  }

  private Device device(String deviceId) {
    return devices
        .findById(deviceId)
        .orElseThrow(() -> rejected("device " + deviceId + " is not in the inventory"));
  }
}
