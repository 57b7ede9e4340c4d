package io.switchboard.workers.campaign;

import io.switchboard.inventory.campaign.CampaignDevice;
import io.switchboard.inventory.campaign.CampaignDeviceRepository;
import io.switchboard.inventory.campaign.CampaignDeviceStatus;
import io.switchboard.inventory.campaign.CampaignState;
import io.switchboard.inventory.campaign.UpgradeCampaign;
import io.switchboard.inventory.campaign.UpgradeCampaignRepository;
import io.switchboard.workflows.campaign.FleetUpgrade;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the campaign's process records in the inventory: waves, device statuses, the end. */
@Service
public class CampaignRecords {
  private final UpgradeCampaignRepository campaigns;
  private final CampaignDeviceRepository devices;

  public CampaignRecords(UpgradeCampaignRepository campaigns, CampaignDeviceRepository devices) {
    this.campaigns = campaigns;
    this.devices = devices;
  }

  public UpgradeCampaign campaign(String campaignId) {
    return campaigns
        .findById(campaignId)
        .orElseThrow(() -> new IllegalStateException("no campaign " + campaignId));
  }

  /**
   * The planned waves ({@code {number, deviceIds}}, skipped devices left out) and marks the
   * campaign running (unless it was paused meanwhile).
   */
  @Transactional
  public List<Map<String, Object>> wavesOf(String campaignId) {
    UpgradeCampaign campaign = campaign(campaignId);
    if (campaign.getState() == CampaignState.PENDING) {
      campaign.setState(CampaignState.RUNNING);
    }
    Map<Integer, List<String>> byWave = new TreeMap<>();
    for (CampaignDevice device :
        devices.findByCampaignIdOrderByWaveNumberAscCreatedAtAsc(campaignId)) {
      if (device.getStatus() != CampaignDeviceStatus.SKIPPED) {
        byWave
            .computeIfAbsent(device.getWaveNumber(), n -> new ArrayList<>())
            .add(device.getDeviceId());
      }
    }
    List<Map<String, Object>> waves = new ArrayList<>();
    byWave.forEach(
        (number, ids) ->
            waves.add(Map.of("number", number, FleetUpgrade.VAR_DEVICE_IDS, List.copyOf(ids))));
    return waves;
  }

  @Transactional
  public void waveStarted(String campaignId, Collection<String> deviceIds) {
    for (CampaignDevice device : devices.findByCampaignIdAndDeviceIdIn(campaignId, deviceIds)) {
      device.started();
    }
  }

  /** Each result is {@code {deviceId, result, message}} as the process collected it. */
  @Transactional
  public void waveFinished(String campaignId, List<Map<String, Object>> results) {
    Map<String, Map<String, Object>> byDevice = new LinkedHashMap<>();
    results.forEach(r -> byDevice.put(String.valueOf(r.get("deviceId")), r));
    for (CampaignDevice device :
        devices.findByCampaignIdAndDeviceIdIn(campaignId, byDevice.keySet())) {
      Map<String, Object> result = byDevice.get(device.getDeviceId());
      boolean upgraded = DeviceUpgrade.RESULT_UPGRADED.equals(result.get("result"));
      Object message = result.get("message");
      device.finished(
          upgraded ? CampaignDeviceStatus.UPGRADED : CampaignDeviceStatus.FAILED,
          upgraded
              ? null
              : message == null ? "the device's upgrade did not complete" : message.toString());
    }
  }

  /**
   * Records the end: {@code stopKind} null when every wave ran. Answers the counts per device
   * status, the operation's result.
   */
  @Transactional
  public Map<String, Object> finish(String campaignId, String stopKind, String stopReason) {
    UpgradeCampaign campaign = campaign(campaignId);
    CampaignState state =
        stopKind == null
            ? CampaignState.COMPLETED
            : switch (stopKind) {
              case FleetUpgrade.STOP_CANCELLED -> CampaignState.CANCELLED;
              case FleetUpgrade.STOP_FAILED -> CampaignState.STOPPED;
              default -> CampaignState.FAILED;
            };
    campaign.end(state, stopReason);
    Map<CampaignDeviceStatus, Integer> counts = new EnumMap<>(CampaignDeviceStatus.class);
    for (CampaignDeviceStatus status : CampaignDeviceStatus.values()) {
      counts.put(status, 0);
    }
    devices
        .findByCampaignIdOrderByWaveNumberAscCreatedAtAsc(campaignId)
        .forEach(d -> counts.merge(d.getStatus(), 1, Integer::sum));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("campaignId", campaignId);
    result.put("state", state.name());
    counts.forEach((status, n) -> result.put(status.name(), n));
    return result;
  }
}
