package io.switchboard.inventory.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignDeviceRepository extends JpaRepository<CampaignDevice, String> {
  List<CampaignDevice> findByCampaignIdOrderByWaveNumberAscCreatedAtAsc(String campaignId);

  List<CampaignDevice> findByCampaignIdAndDeviceIdIn(
      String campaignId, Collection<String> deviceIds);

  /** The campaign whose upgrade of the device runs now, if any. */
  Optional<CampaignDevice> findFirstByDeviceIdAndStatus(
      String deviceId, CampaignDeviceStatus status);
}
