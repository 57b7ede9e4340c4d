package io.switchboard.workers.device;

import io.switchboard.camel.netconf.DeviceConnection;
import io.switchboard.camel.netconf.DeviceConnectionResolver;
import io.switchboard.camel.netconf.HostKeyStore;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device routes' view of the inventory: where a device is and how to log in (from its record
 * and the address it reported when it phoned home), and its pinned SSH host key.
 */
@Component
@Primary
public class InventoryDevices implements DeviceConnectionResolver, HostKeyStore {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryDevices.class);
  static final int NETCONF_PORT = 830;

  private final DeviceRepository devices;

  public InventoryDevices(DeviceRepository devices) {
    this.devices = devices;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<DeviceConnection> resolve(String deviceId) {
    return devices
        .findById(deviceId)
        .filter(d -> d.getManagementAddress() != null && d.getCredentials() != null)
        .map(
            d ->
                DeviceConnection.withPassword(
                    d.getId(),
                    d.getManagementAddress(),
                    d.getNetconfPort() == null ? NETCONF_PORT : d.getNetconfPort(),
                    d.getCredentials().username(),
                    d.getCredentials().password()));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> fingerprint(String deviceId) {
    return devices.findById(deviceId).map(Device::getSshHostKeyFingerprint);
  }

  @Override
  @Transactional
  public String pinIfAbsent(String deviceId, String fingerprint) {
    Device device =
        devices
            .findById(deviceId)
            .orElseThrow(() -> new IllegalArgumentException("No device " + deviceId));
    if (device.getSshHostKeyFingerprint() == null) {
      device.setSshHostKeyFingerprint(fingerprint);
      devices.save(device);
      LOG.info("Pinned SSH host key {} for device {}", fingerprint, device.getSerialNumber());
      return fingerprint;
    }
    return device.getSshHostKeyFingerprint();
  }

  @Override
  public void reportMismatch(String deviceId, String expected, String presented) {
    LOG.warn(
        "Device {} presented SSH host key {} but {} is pinned; refusing to connect",
        deviceId,
        presented,
        expected);
  }
}
