package io.switchboard.app.demo;

import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo: demo tenants and sites, a signed image, six simulated SRX300s (each presenting its
 * activation secret when it phones home) and their onboarding operations, so a first run shows
 * processes at work. Two sites want a newer version (the devices are upgraded on the way), and one
 * device refuses its first commit (the operation fails with the device's message). Runs after the
 * processes are deployed.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "switchboard.demo.enabled", havingValue = "true")
public class DemoFleet implements ApplicationRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);

  private final DemoInventory inventory;
  private final int port;
  private SimulatedFleet fleet;

  public DemoFleet(DemoInventory inventory, @Value("${server.port}") int port) {
    this.inventory = inventory;
    this.port = port;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      List<DemoInventory.DemoDevice> devices = inventory.ensure();
      // the processes first: a device that phones home finds its onboarding already waiting
      inventory.startOnboarding(devices);
      Map<String, String> secrets =
          devices.stream()
              .collect(
                  Collectors.toMap(
                      DemoInventory.DemoDevice::serial,
                      DemoInventory.DemoDevice::activationSecret));
      fleet =
          SimulatedFleet.builder()
              .serials(devices.stream().map(DemoInventory.DemoDevice::serial).toList())
              .basePort(0)
              .model("srx300")
              .softwareVersion(DemoInventory.FACTORY_VERSION)
              .credentials(DemoInventory.DEVICE_USER, DemoInventory.DEVICE_PASSWORD)
              .activationSecrets(secrets::get)
              .phoneHome("http://localhost:" + port)
              .start();
      // Devices in service since an earlier run are not bootstrapped again (phone-home refuses a
      // device in service that no operation expects); their simulators came back on new ports,
      // and the demo, which runs them, says where.
      for (DemoInventory.DemoDevice d : devices) {
        inventory.readdressIfInService(
            d.deviceId(),
            fleet.device(d.serial()).managementAddress(),
            fleet.device(d.serial()).port());
      }
      DemoInventory.DemoDevice faulty = devices.get(devices.size() - 1);
      inventory.whenPhonedHome(
          faulty.serial(),
          () -> fleet.device(faulty.serial()).injectFaultTimes(Fault.COMMIT_FAILURE, 1));
      LOG.info(
          "Demo: {} simulated devices are phoning home; watch them with"
              + " curl -u admin:<password> 'localhost:{}/api/v1/operations?sort=createdAt,desc'",
          devices.size(),
          port);
    } catch (RuntimeException e) {
      LOG.warn("The demo could not start (Switchboard keeps running): {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (fleet != null) {
      fleet.close();
    }
  }
}
