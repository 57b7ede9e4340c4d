package io.switchboard.inventory.campaign;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What wave planning needs to know of the overlays: which devices are hubs, of which overlay, and
 * which hubs each spoke depends on. A small port so planning works before (and without) an SD-WAN
 * feature; the SD-WAN feature provides the real answer as a Spring bean.
 */
public interface CampaignTopology {
  /** No overlays: every device is independent. */
  CampaignTopology NONE = devices -> Overlays.EMPTY;

  /** The overlay facts about {@code deviceIds} (devices outside it may be named as hubs). */
  Overlays of(Collection<String> deviceIds);

  /**
   * @param hubsByOverlay overlay id to its hub devices
   * @param hubsBySpoke spoke device to the hub devices it has tunnels to
   */
  record Overlays(Map<String, Set<String>> hubsByOverlay, Map<String, Set<String>> hubsBySpoke) {
    public static final Overlays EMPTY = new Overlays(Map.of(), Map.of());

    public Overlays {
      hubsByOverlay = Map.copyOf(hubsByOverlay);
      hubsBySpoke = Map.copyOf(hubsBySpoke);
    }
  }
}
