package io.switchboard.workers.onboarding;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.workers.device.ConfigTemplates;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The configuration onboarding pushes to a device, rendered from its inventory record. */
@Service
public class DeviceConfigurations {
  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final SiteRepository sites;
  private final ConfigTemplates templates;

  public DeviceConfigurations(
      DeviceRepository devices,
      DeviceModelRepository models,
      SiteRepository sites,
      ConfigTemplates templates) {
    this.devices = devices;
    this.models = models;
    this.sites = sites;
    this.templates = templates;
  }

  /** Management only: what the device needs to stay reachable. */
  @Transactional(readOnly = true)
  public String stage1(String deviceId) {
    return templates.stage1(values(device(deviceId)));
  }

  /** The site's full configuration, from the template of the device's model family. */
  @Transactional(readOnly = true)
  public String site(String deviceId) {
    Device device = device(deviceId);
    String family =
        models.findById(device.getModelId()).map(DeviceModel::getFamily).orElse("default");
    return templates.site(family, values(device));
  }

  private Device device(String deviceId) {
    return devices.findById(deviceId).orElseThrow();
  }

  private Map<String, String> values(Device device) {
    Site site = device.getSiteId() == null ? null : sites.findById(device.getSiteId()).orElse(null);
    String siteName = site == null ? device.getSerialNumber() : site.getName();
    return Map.of(
        "hostName",
        siteName.replaceAll("[^A-Za-z0-9-]", "-"),
        "siteName",
        siteName,
        "siteType",
        site == null ? "BRANCH" : site.getType().name(),
        "serialNumber",
        device.getSerialNumber());
  }
}
