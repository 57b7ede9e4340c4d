package io.switchboard.api.campaign;

import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.campaign.CampaignTopology;
import io.switchboard.inventory.campaign.DeviceClaims;
import io.switchboard.inventory.campaign.SerialSpec;
import io.switchboard.inventory.campaign.WavePlanner;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.SoftwareImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns a campaign request into devices and waves: the selection inside the tenant, the devices
 * left out (and why), and the waves of the rest. Runs in the campaign's recording transaction: it
 * locks the selected devices, so a concurrent campaign or operation waits and then sees this
 * campaign's claims.
 */
@Component
class CampaignPlanning {
  /** A planned campaign: waves of device ids, and devices skipped with their reason. */
  record Plan(List<List<String>> waves, Map<String, String> skipped) {}

  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final ObjectProvider<CampaignTopology> topology;
  private final DeviceClaims claims;

  CampaignPlanning(
      DeviceRepository devices,
      DeviceModelRepository models,
      ObjectProvider<CampaignTopology> topology,
      DeviceClaims claims) {
    this.claims = claims;
    this.devices = devices;
    this.models = models;
    this.topology = topology;
  }

  Plan plan(String tenantId, CampaignController.CampaignRequest request, SoftwareImage image) {
    SerialSpec serial;
    try {
      serial = SerialSpec.of(request.serial() == null ? List.of(1, "100%") : request.serial());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("serial", e.getMessage());
    }
    CampaignController.Selection selection =
        request.selection() == null
            ? new CampaignController.Selection(null, null, null, null)
            : request.selection();
    Map<String, String> families =
        models.findAll().stream()
            .collect(Collectors.toMap(DeviceModel::getId, DeviceModel::getFamily, (a, b) -> a));
    List<Device> candidates =
        devices.findAll((root, query, cb) -> cb.equal(root.get("tenantId"), tenantId)).stream()
            .filter(d -> matches(selection.siteIds(), d.getSiteId()))
            .filter(d -> matches(selection.modelIds(), d.getModelId()))
            .filter(d -> matches(selection.currentVersions(), d.getSoftwareVersion()))
            .filter(d -> matches(selection.deviceIds(), d.getId()))
            .sorted(order(selection.deviceIds()))
            .toList();
    if (selection.deviceIds() != null) {
      Set<String> found = candidates.stream().map(Device::getId).collect(Collectors.toSet());
      for (String id : selection.deviceIds()) {
        if (!found.contains(id)) {
          throw ApiException.unprocessable(
              "selection.deviceIds", "device '" + id + "' not found in the tenant");
        }
      }
    }
    Map<String, String> skipped = new LinkedHashMap<>();
    List<String> selected = new ArrayList<>();
    // locked until the campaign is recorded with its claims: see DeviceClaims
    Map<String, DeviceClaims.Claim> claimed =
        claims.lock(candidates.stream().map(Device::getId).toList());
    for (Device device : candidates) {
      DeviceClaims.Claim claim = claimed.get(device.getId());
      if (claim != null && claim.byCampaign()) {
        skipped.put(
            device.getId(),
            "in upgrade campaign '" + claim.campaignName() + "' (" + claim.campaignId() + ")");
      } else if (claim != null) {
        skipped.put(
            device.getId(),
            "busy with operation "
                + claim.operationId()
                + (claim.operationType() == null ? "" : " (" + claim.operationType() + ")"));
      } else if (image.getVersion().equals(device.getSoftwareVersion())) {
        skipped.put(device.getId(), "already runs " + image.getVersion());
      } else if (!image.getModelFamily().equals(families.get(device.getModelId()))) {
        skipped.put(
            device.getId(), "the image is for model family '" + image.getModelFamily() + "'");
      } else if (device.getLifecycleState() != DeviceLifecycle.ACTIVE) {
        skipped.put(device.getId(), "not active (" + device.getLifecycleState() + ")");
      } else {
        selected.add(device.getId());
      }
    }
    if (selected.isEmpty()) {
      throw ApiException.unprocessable(
          "selection",
          "selects no device to upgrade: none is active, of the image's model family and on another version"
              + (skipped.isEmpty() ? "" : " (" + skipped.size() + " skipped)"));
    }
    List<String> canaries =
        request.canaryDeviceIds() == null ? List.of() : request.canaryDeviceIds();
    try {
      CampaignTopology port = topology.getIfAvailable(() -> CampaignTopology.NONE);
      return new Plan(WavePlanner.plan(selected, canaries, serial, port.of(selected)), skipped);
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("canaryDeviceIds", e.getMessage());
    }
  }

  private static boolean matches(List<String> wanted, String value) {
    return wanted == null || wanted.isEmpty() || wanted.contains(value);
  }

  private static Comparator<Device> order(List<String> explicit) {
    if (explicit != null && !explicit.isEmpty()) {
      return Comparator.comparingInt(d -> explicit.indexOf(d.getId()));
    }
    return Comparator.comparing(Device::getSerialNumber);
  }
}
