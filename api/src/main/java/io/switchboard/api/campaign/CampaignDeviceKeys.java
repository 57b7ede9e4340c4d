package io.switchboard.api.campaign;

import io.switchboard.inventory.campaign.CampaignDeviceRepository;
import io.switchboard.inventory.campaign.CampaignDeviceStatus;
import io.switchboard.inventory.campaign.UpgradeCampaignRepository;
import io.switchboard.workflows.campaign.FleetUpgrade;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The correlation key of a device's upgrade inside a running campaign, for the phone-home of a
 * device that a campaign rebooted (it has no operation of its own).
 */
@Component
public class CampaignDeviceKeys {
  private final CampaignDeviceRepository devices;
  private final UpgradeCampaignRepository campaigns;

  public CampaignDeviceKeys(CampaignDeviceRepository devices, UpgradeCampaignRepository campaigns) {
    this.devices = devices;
    this.campaigns = campaigns;
  }

  public Optional<String> runningUpgradeOf(String deviceId) {
    return devices
        .findFirstByDeviceIdAndStatus(deviceId, CampaignDeviceStatus.RUNNING)
        .flatMap(d -> campaigns.findById(d.getCampaignId()))
        .filter(c -> c.getOperationId() != null && !c.getState().isFinal())
        .map(c -> FleetUpgrade.deviceCorrelationKey(c.getOperationId(), deviceId));
  }
}
