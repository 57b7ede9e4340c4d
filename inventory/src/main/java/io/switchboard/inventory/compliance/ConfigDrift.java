package io.switchboard.inventory.compliance;

import java.util.List;

/** The comparison of a device's running configuration with its intended one, per feature. */
public record ConfigDrift(List<FeatureDrift> features) {

  public ConfigDrift {
    features = List.copyOf(features);
  }

  public boolean inSync() {
    return features.stream().allMatch(FeatureDrift::inSync);
  }

  /** The features that differ, in report order. */
  public List<String> driftedFeatures() {
    return features.stream().filter(f -> !f.inSync()).map(FeatureDrift::feature).toList();
  }

  /** Every extra statement, in {@code set} form (what ADOPT takes in). */
  public List<String> extra() {
    return features.stream().flatMap(f -> f.extra().stream()).toList();
  }

  /** Every missing statement, in {@code set} form (what REVERT puts back). */
  public List<String> missing() {
    return features.stream().flatMap(f -> f.missing().stream()).toList();
  }
}
