package io.switchboard.inventory.sdwan.sla;

import io.switchboard.inventory.sdwan.render.DeviceIntent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which path each site's device would steer a rule's traffic to, per peer site, from the tunnels'
 * last SLA measurements, the way APBR with an SLA rule chooses: the rule's preferred path label
 * while its tunnel to that peer meets the SLA; otherwise the label to that peer that meets it best
 * (least loss, then round trip, then jitter); when none meets it, the preferred label (or the
 * first) stays, marked as missing the SLA. A tunnel never measured counts as missing it. Pure.
 */
public final class SteeringCheck {
  /** One tunnel as the check needs it; {@code measurement} null when never measured. */
  public record Path(
      String aSiteId, String bSiteId, String pathLabel, SlaMeasurement measurement) {}

  /** The choice towards one peer: the label, whether it meets the SLA, and why it moved. */
  public record PathChoice(String peerSiteId, String pathLabel, boolean meetsSla, String reason) {}

  /** One steering rule at one site. */
  public record RuleChoice(
      int order,
      String application,
      Integer dscp,
      String slaProfile,
      String preferredPathLabel,
      List<PathChoice> paths) {}

  /** Every rule at one site. */
  public record SiteSteering(String siteId, List<RuleChoice> rules) {}

  private SteeringCheck() {}

  /** Per site of {@code siteIds} (in that order), per rule, per peer. */
  public static List<SiteSteering> check(
      List<String> siteIds, List<Path> paths, List<DeviceIntent.Steering> rules) {
    List<SiteSteering> out = new ArrayList<>();
    for (String site : siteIds) {
      Map<String, Map<String, SlaMeasurement>> byPeer = new LinkedHashMap<>();
      for (Path p : paths) {
        if (!p.aSiteId().equals(site) && !p.bSiteId().equals(site)) {
          continue;
        }
        String peer = p.aSiteId().equals(site) ? p.bSiteId() : p.aSiteId();
        byPeer
            .computeIfAbsent(peer, k -> new LinkedHashMap<>())
            .put(p.pathLabel(), p.measurement());
      }
      List<RuleChoice> choices = new ArrayList<>();
      for (DeviceIntent.Steering rule : rules) {
        List<PathChoice> towards = new ArrayList<>();
        byPeer.forEach((peer, labels) -> towards.add(choose(peer, labels, rule)));
        choices.add(
            new RuleChoice(
                rule.order(),
                rule.application(),
                rule.dscp(),
                rule.slaName(),
                rule.preferredPathLabel(),
                towards));
      }
      out.add(new SiteSteering(site, choices));
    }
    return out;
  }

  static PathChoice choose(
      String peer, Map<String, SlaMeasurement> labels, DeviceIntent.Steering rule) {
    String preferred = rule.preferredPathLabel();
    if (preferred != null && meets(labels.get(preferred), rule)) {
      return new PathChoice(peer, preferred, true, null);
    }
    String best =
        labels.entrySet().stream()
            .filter(e -> meets(e.getValue(), rule))
            .min(
                Comparator.comparingDouble(
                        (Map.Entry<String, SlaMeasurement> e) -> e.getValue().lossPercent())
                    .thenComparingDouble(e -> e.getValue().rttMs())
                    .thenComparingDouble(e -> e.getValue().jitterMs()))
            .map(Map.Entry::getKey)
            .orElse(null);
    if (best != null) {
      String reason = preferred == null ? null : preferred + " " + miss(labels, preferred, rule);
      return new PathChoice(peer, best, true, reason);
    }
    String stay =
        preferred != null && labels.containsKey(preferred)
            ? preferred
            : labels.keySet().iterator().next();
    List<String> why = new ArrayList<>();
    labels.keySet().forEach(label -> why.add(label + " " + miss(labels, label, rule)));
    return new PathChoice(peer, stay, false, "no path meets the SLA: " + String.join("; ", why));
  }

  private static boolean meets(SlaMeasurement m, DeviceIntent.Steering rule) {
    return m != null && m.violations(rule).isEmpty();
  }

  private static String miss(
      Map<String, SlaMeasurement> labels, String label, DeviceIntent.Steering rule) {
    if (!labels.containsKey(label)) {
      return "has no tunnel to this peer";
    }
    SlaMeasurement m = labels.get(label);
    return m == null
        ? "was not measured"
        : "misses the SLA: " + String.join(", ", m.violations(rule));
  }
}
