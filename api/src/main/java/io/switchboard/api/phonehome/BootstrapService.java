package io.switchboard.api.phonehome;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import org.springframework.stereotype.Service;

/** What phone-home reads and writes of the inventory: bootstrap configuration, reachability. */
@Service
public class BootstrapService {
  private final DeviceRepository devices;
  private final SiteRepository sites;

  public BootstrapService(DeviceRepository devices, SiteRepository sites) {
    this.devices = devices;
    this.sites = sites;
  }

  /** The factory-default device's stage-0 configuration: its host name and NETCONF over SSH. */
  public String bootstrapConfiguration(Device device) {
    String hostName =
        sites
            .findById(device.getSiteId() == null ? "" : device.getSiteId())
            .map(Site::getName)
            .orElse(device.getSerialNumber())
            .replaceAll("[^A-Za-z0-9-]", "-");
    return String.join(
        "\n",
        "set system host-name " + hostName,
        "set system services netconf ssh",
        "set system services netconf rfc-compliant");
  }

  /**
   * Commits where the device can be reached (its own transaction: the address must be visible
   * before the message wakes the process); a value the device did not report stays as it was.
   */
  public void recordReachability(Device device, String managementAddress, Integer netconfPort) {
    devices.updateReachability(
        device.getId(),
        managementAddress != null ? managementAddress : device.getManagementAddress(),
        netconfPort != null ? netconfPort : device.getNetconfPort());
  }
}
