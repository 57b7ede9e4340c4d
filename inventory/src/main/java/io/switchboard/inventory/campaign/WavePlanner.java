package io.switchboard.inventory.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a campaign's devices into waves. Pure: the selection (in its order), the wave sizes and
 * the overlay facts in, the waves out.
 *
 * <ul>
 *   <li>The first wave is the canary: exactly the first {@code serial} size (or the explicit canary
 *       devices), never topped up from the rest and never merged with the next wave.
 *   <li>Never two hubs of one overlay in one wave, so an overlay never loses all its hubs at once.
 *   <li>Never a hub together with a spoke whose only hub it is (the spoke would lose its overlay
 *       while its hub reboots and could not tell us it is healthy).
 * </ul>
 *
 * A device that would break a rule moves to the next wave; a wave may therefore be smaller than its
 * size, and there may be more waves than {@code serial} entries.
 */
public final class WavePlanner {
  private WavePlanner() {}

  /**
   * @param devices the selected devices, in selection order, without duplicates
   * @param canaries explicit canary devices (a subset of {@code devices}), or empty to take the
   *     first {@code serial} size as the canary
   */
  public static List<List<String>> plan(
      List<String> devices,
      Collection<String> canaries,
      SerialSpec serial,
      CampaignTopology.Overlays overlays) {
    Set<String> remaining = new LinkedHashSet<>(devices);
    int total = remaining.size();
    List<List<String>> waves = new ArrayList<>();
    Conflicts conflicts = new Conflicts(overlays);
    int sizeIndex = 0;
    if (!canaries.isEmpty()) {
      for (String canary : canaries) {
        if (!remaining.contains(canary)) {
          throw new IllegalArgumentException(
              "canary device " + canary + " is not among the selected devices");
        }
      }
      List<String> wave = fill(new LinkedHashSet<>(canaries), canaries.size(), conflicts);
      if (wave.size() < new HashSet<>(canaries).size()) {
        throw new IllegalArgumentException(
            "canary devices include two hubs of one overlay, or a hub and a spoke whose only hub"
                + " it is; they cannot be upgraded in one wave");
      }
      remaining.removeAll(wave);
      waves.add(wave);
      sizeIndex = 1;
    }
    while (!remaining.isEmpty()) {
      List<String> wave = fill(remaining, serial.sizeOf(sizeIndex, total), conflicts);
      remaining.removeAll(wave);
      waves.add(wave);
      sizeIndex++;
    }
    return waves;
  }

  private static List<String> fill(Set<String> candidates, int size, Conflicts conflicts) {
    List<String> wave = new ArrayList<>();
    for (String device : candidates) {
      if (wave.size() == size) {
        break;
      }
      if (conflicts.fits(device, wave)) {
        wave.add(device);
      }
    }
    if (wave.isEmpty()) {
      // cannot happen: a device never conflicts with an empty wave
      throw new IllegalStateException("no device fits an empty wave");
    }
    return List.copyOf(wave);
  }

  /** The pairs of devices that must not share a wave. */
  private static final class Conflicts {
    private final Map<String, Set<String>> apart = new HashMap<>();

    Conflicts(CampaignTopology.Overlays overlays) {
      for (Set<String> hubs : overlays.hubsByOverlay().values()) {
        for (String a : hubs) {
          for (String b : hubs) {
            if (!a.equals(b)) {
              keepApart(a, b);
            }
          }
        }
      }
      overlays
          .hubsBySpoke()
          .forEach(
              (spoke, hubs) -> {
                if (hubs.size() == 1) {
                  keepApart(spoke, hubs.iterator().next());
                }
              });
    }

    private void keepApart(String a, String b) {
      apart.computeIfAbsent(a, k -> new HashSet<>()).add(b);
      apart.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }

    boolean fits(String device, List<String> wave) {
      Set<String> others = apart.get(device);
      return others == null || wave.stream().noneMatch(others::contains);
    }
  }
}
