package io.switchboard.inventory.campaign;

import io.switchboard.inventory.operation.OperationState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which devices running campaigns hold. A campaign holds every device it has not skipped from its
 * start until its operation ends (completed, stopped, cancelled, failed or hard-cancelled), so that
 * no single-device upgrade, reconcile or deployment changes a device between its pre-checks and its
 * health gate, or a device still waiting for its wave.
 */
@Service
public class CampaignHolds {
  /** Ids per query: far below every database's limit on parameters. */
  private static final int CHUNK = 500;

  private final CampaignDeviceRepository devices;

  public CampaignHolds(CampaignDeviceRepository devices) {
    this.devices = devices;
  }

  /** The first of {@code deviceIds} that a running campaign holds, if any. */
  @Transactional(readOnly = true)
  public Optional<CampaignHold> firstHeld(Collection<String> deviceIds) {
    return held(deviceIds).values().stream().findFirst();
  }

  /** The holds on any of {@code deviceIds}, by device id. */
  @Transactional(readOnly = true)
  public Map<String, CampaignHold> held(Collection<String> deviceIds) {
    List<String> ids = new ArrayList<>(deviceIds);
    Map<String, CampaignHold> held = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      for (CampaignHold hold :
          devices.holds(
              ids.subList(i, Math.min(ids.size(), i + CHUNK)),
              CampaignDeviceStatus.SKIPPED,
              OperationState.ACTIVE)) {
        held.putIfAbsent(hold.deviceId(), hold);
      }
    }
    return held;
  }
}
