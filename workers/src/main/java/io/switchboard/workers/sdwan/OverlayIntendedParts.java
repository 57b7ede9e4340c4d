package io.switchboard.workers.sdwan;

import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.planning.OverlayPlanning;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Records what an overlay committed to each device as the device's intended part {@code
 * overlay-<overlay id>} (docs/fleet.md), so compliance checks see the overlay's statements as
 * intended. A part per overlay, because a hub can serve several. The part carries the tunnels'
 * pre-shared keys; the recorder stores it sealed.
 */
@Service
public class OverlayIntendedParts {
  private final OverlayPlanning planning;
  private final SdwanRollouts rollouts;
  private final IntendedConfigRecorder intended;

  public OverlayIntendedParts(
      OverlayPlanning planning, SdwanRollouts rollouts, IntendedConfigRecorder intended) {
    this.planning = planning;
    this.rollouts = rollouts;
    this.intended = intended;
  }

  /**
   * At the end of a rollout, join or leave, once every configured member's commit is confirmed:
   * each of them runs the overlay's configuration as planned now. (Not at each confirmation: a
   * later failure undoes confirmed members too, back to the part they had.)
   */
  public void configured(String overlayId, String operationId, Long processInstanceKey) {
    for (OverlayMember m : rollouts.inState(overlayId, SdwanRollouts.CONFIGURED)) {
      rollouts
          .deviceAt(m.getSiteId())
          .ifPresent(
              device ->
                  intended.committed(
                      device.getId(),
                      part(overlayId),
                      String.join("\n", planning.configurationFor(overlayId, m.getSiteId())),
                      operationId,
                      processInstanceKey));
    }
  }

  /** A site left: what its device keeps of the overlay is the removal it committed. */
  public void removed(
      String overlayId,
      String deviceId,
      List<String> removal,
      String operationId,
      Long processInstanceKey) {
    intended.committed(
        deviceId, part(overlayId), String.join("\n", removal), operationId, processInstanceKey);
  }

  static String part(String overlayId) {
    return "overlay-" + overlayId;
  }
}
