package io.switchboard.workers.campaign;

import io.switchboard.camel.junos.InterfaceStatus;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.inventory.compliance.IntendedConfig;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.workers.device.ConfigTemplates;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workers.device.OnFailure;
import io.switchboard.workflows.campaign.FleetUpgrade;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * After a wave's soak: every upgraded device answers, runs the target version, and every interface
 * its intended configuration sets up (ZTP, site, overlay parts: overlay tunnels are {@code st0}
 * interfaces) is up. Ports nothing configures are not looked at: an unused port is down.
 */
@Service
public class HealthGate {
  private static final OnFailure NO_RETRY = new OnFailure(FleetUpgrade.ERROR_HEALTH_GATE_FAILED, 0);

  private final DeviceDriver driver;
  private final DeviceRepository devices;
  private final IntendedConfigRecorder intended;

  public HealthGate(
      DeviceDriver driver, DeviceRepository devices, IntendedConfigRecorder intended) {
    this.driver = driver;
    this.devices = devices;
    this.intended = intended;
  }

  private static String physical(String name) {
    return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
  }

  /** The physical interfaces the device's intended configuration sets up. */
  private Set<String> expectedInterfaces(String deviceId) {
    Set<String> names = new HashSet<>();
    for (IntendedConfig part : intended.of(deviceId)) {
      for (String name : ConfigTemplates.interfacesIn(part.getSetLines())) {
        names.add(physical(name));
      }
    }
    return names;
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
        Set<String> expected = expectedInterfaces(deviceId);
        List<String> down =
            driver.interfaces(deviceId, NO_RETRY).stream()
                .filter(i -> expected.contains(physical(i.name())) && !i.isUp())
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
