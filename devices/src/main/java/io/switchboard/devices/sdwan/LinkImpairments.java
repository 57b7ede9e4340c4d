package io.switchboard.devices.sdwan;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --impair} option: {@code SERIAL:PORT:loss=5,latency=80,jitter=10}, several separated
 * by {@code ;}.
 */
public final class LinkImpairments {
  /** One impaired link. */
  public record Entry(String serial, String port, Impairment impairment) {}

  private LinkImpairments() {}

  public static List<Entry> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return entries;
    }
    for (String part : text.split(";")) {
      String[] fields = part.trim().split(":", 3);
      if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank()) {
        throw new IllegalArgumentException(
            "--impair '" + part + "': expected SERIAL:PORT:loss=5,latency=80,jitter=10");
      }
      entries.add(new Entry(fields[0].trim(), fields[1].trim(), Impairment.parse(fields[2])));
    }
    return entries;
  }

  /** Applies the entries to a fleet's network. */
  public static void apply(List<Entry> entries, SdwanNetwork network) {
    for (Entry e : entries) {
      network.impair(e.serial(), e.port(), e.impairment());
    }
  }
}
