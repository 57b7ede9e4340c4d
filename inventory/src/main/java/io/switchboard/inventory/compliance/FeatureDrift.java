package io.switchboard.inventory.compliance;

import java.util.List;

/**
 * How one feature of a device's running configuration differs from the intended one: statements
 * Switchboard intended that the device lacks ({@code missing}), statements the device has that
 * nobody intended ({@code extra}), both in {@code set} form, security policies whose order differs
 * ({@code reordered}), and the intended parts (with their operations) that last wrote the drifted
 * statements or the hierarchy an extra statement sits in.
 */
public record FeatureDrift(
    String feature,
    boolean inSync,
    List<String> missing,
    List<String> extra,
    List<String> reordered,
    List<PartWriter> lastWrittenBy) {

  public FeatureDrift {
    missing = List.copyOf(missing);
    extra = List.copyOf(extra);
    reordered = List.copyOf(reordered);
    lastWrittenBy = List.copyOf(lastWrittenBy);
  }
}
