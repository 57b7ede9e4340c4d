package io.switchboard.workers.campaign;

import io.switchboard.camel.junos.InterfaceStatus;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workers.device.OnFailure;
import io.switchboard.workflows.campaign.FleetUpgrade;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * After a wave's soak: every upgraded device answers, runs the target version, and every interface
 * it has administratively up is operationally up; overlay tunnels are {@code st0} units, so a
 * tunnel down is an interface down.
 */
@Service
public class HealthGate {
  private static final OnFailure NO_RETRY = new OnFailure(FleetUpgrade.ERROR_HEALTH_GATE_FAILED, 0);

  private final DeviceDriver driver;
  private final DeviceRepository devices;

  public HealthGate(DeviceDriver driver, DeviceRepository devices) {
    this.driver = driver;
    this.devices = devices;
  }

  private String nameOf(String deviceId) {
    return devices.findById(deviceId).map(Device::getSerialNumber).orElse(deviceId);
  }

  /** One sentence per unhealthy device; empty when all are healthy. */
  public List<String> problems(List<String> deviceIds, String targetVersion) {
    List<String> problems = new ArrayList<>();
    for (String deviceId : deviceIds == null ? List.<String>of() : deviceIds) {
      String name = nameOf(deviceId);
      try {
        SoftwareInformation info = driver.softwareInformation(deviceId, NO_RETRY);
        if (!targetVersion.equals(info.junosVersion())) {
          problems.add(name + " runs " + info.junosVersion() + ", expected " + targetVersion);
          continue;
        }
        List<String> down =
            driver.interfaces(deviceId, NO_RETRY).stream()
                .filter(i -> "up".equals(i.adminStatus()) && !i.isUp())
                .map(InterfaceStatus::name)
                .toList();
        if (!down.isEmpty()) {
          problems.add(name + ": " + String.join(", ", down) + " down");
        }
      } catch (RuntimeException e) {
        problems.add(name + " is not reachable: " + e.getMessage());
      }
    }
    return problems;
  }
}
