package io.switchboard.workers.onboarding;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.workers.device.ConfigTemplates;
import java.util.HashMap;
import java.util.List;
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
  private final WanLinkRepository wanLinks;
  private final LanSegmentRepository lanSegments;
  private final SiteNetworkConfig network;

  public DeviceConfigurations(
      DeviceRepository devices,
      DeviceModelRepository models,
      SiteRepository sites,
      ConfigTemplates templates,
      WanLinkRepository wanLinks,
      LanSegmentRepository lanSegments,
      SiteNetworkConfig network) {
    this.devices = devices;
    this.models = models;
    this.sites = sites;
    this.templates = templates;
    this.wanLinks = wanLinks;
    this.lanSegments = lanSegments;
    this.network = network;
  }

  /** Management only: what the device needs to stay reachable. */
  @Transactional(readOnly = true)
  public String stage1(String deviceId) {
    return templates.stage1(values(device(deviceId)));
  }

  /**
   * The site's full configuration, from the template of the device's model family, with the site's
   * WAN links and LAN segments ({@link SiteNetworkConfig}).
   */
  @Transactional(readOnly = true)
  public String site(String deviceId) {
    Device device = device(deviceId);
    String family =
        models.findById(device.getModelId()).map(DeviceModel::getFamily).orElse("default");
    Map<String, String> values = new HashMap<>(values(device));
    String siteId = device.getSiteId();
    values.put(
        "wan",
        network.wan(
            siteId == null
                ? List.of()
                : wanLinks.findBySiteIdOrderByPriorityAscInterfaceNameAsc(siteId),
            values));
    values.put(
        "lan",
        network.lan(
            siteId == null ? List.of() : lanSegments.findBySiteIdOrderByName(siteId), values));
    return templates.site(family, values);
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
