package io.switchboard.workers.sdwan;

import io.switchboard.inventory.compliance.IntendedConfigRecorder;
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
  private final IntendedConfigRecorder intended;

  public OverlayIntendedParts(OverlayPlanning planning, IntendedConfigRecorder intended) {
    this.planning = planning;
    this.intended = intended;
  }

  /**
   * A member's commit is confirmed: its device runs what it was sent (the deletes the member still
   * needed, then the overlay's configuration), recorded before the deletes are marked done. The
   * deletes stay in the part: they take out of the merge what this or another overlay's earlier
   * part set and the device no longer has.
   */
  public void confirmed(
      String overlayId,
      String siteId,
      String deviceId,
      String operationId,
      Long processInstanceKey) {
    intended.committed(
        deviceId,
        part(overlayId),
        String.join("\n", planning.configurationFor(overlayId, siteId)),
        operationOf(operationId),
        processInstanceKey);
  }

  /**
   * A site left: what its device keeps of the overlay is the removal it committed (which takes the
   * overlay's earlier statements out of the merge) and the WAN addressing the overlay had set,
   * which stays on the device.
   */
  public void removed(
      String overlayId,
      String siteId,
      String deviceId,
      List<String> removal,
      String operationId,
      Long processInstanceKey) {
    List<String> part = new java.util.ArrayList<>(removal);
    part.addAll(planning.keptAfterRemoval(overlayId, siteId));
    intended.committed(
        deviceId,
        part(overlayId),
        String.join("\n", part),
        operationOf(operationId),
        processInstanceKey);
  }

  /**
   * The operation a join or leave belongs to: one that ZTP onboarding calls carries the
   * onboarding's operation id with a suffix of its own ({@code <operation id>:join:<overlay id>}).
   */
  static String operationOf(String operationId) {
    if (operationId == null) {
      return null;
    }
    int colon = operationId.indexOf(':');
    return colon < 0 ? operationId : operationId.substring(0, colon);
  }

  static String part(String overlayId) {
    return "overlay-" + overlayId;
  }
}
