package io.switchboard.inventory.campaign;

import io.switchboard.inventory.operation.OperationState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CampaignDeviceRepository extends JpaRepository<CampaignDevice, String> {
  List<CampaignDevice> findByCampaignIdOrderByWaveNumberAscCreatedAtAsc(String campaignId);

  List<CampaignDevice> findByCampaignIdAndDeviceIdIn(
      String campaignId, Collection<String> deviceIds);

  /** The campaign whose upgrade of the device runs now, if any. */
  Optional<CampaignDevice> findFirstByDeviceIdAndStatus(
      String deviceId, CampaignDeviceStatus status);

  /** Devices of {@code deviceIds} in a campaign whose operation is active, except skipped ones. */
  @Query(
      "select new io.switchboard.inventory.campaign.CampaignHold(d.deviceId, c.id, c.name)"
          + " from CampaignDevice d, UpgradeCampaign c, Operation o"
          + " where c.id = d.campaignId and o.id = c.operationId and d.deviceId in :ids"
          + " and d.status <> :skipped and o.state in :active"
          + " order by d.deviceId")
  List<CampaignHold> holds(
      @Param("ids") Collection<String> ids,
      @Param("skipped") CampaignDeviceStatus skipped,
      @Param("active") Collection<OperationState> active);
}
