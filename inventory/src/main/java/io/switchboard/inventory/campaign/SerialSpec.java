package io.switchboard.inventory.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * Wave sizes as Ansible's {@code serial}: a list of batch sizes, each a count ({@code 5}) or a
 * percentage of all selected devices ({@code "20%"}, rounded down, at least 1). The last entry
 * repeats until every device has a wave. The first entry is the canary wave.
 */
public final class SerialSpec {
  private final List<Object> entries;

  private SerialSpec(List<Object> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Parses entries that are integers, numeric strings or percentages; refuses anything else with an
   * {@link IllegalArgumentException} naming the entry.
   */
  public static SerialSpec of(List<?> raw) {
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException("serial must list at least one wave size");
    }
    List<Object> entries = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      entries.add(parse(raw.get(i), i));
    }
    return new SerialSpec(entries);
  }

  private static Object parse(Object entry, int index) {
    if (entry instanceof Number n) {
      if (n.doubleValue() != Math.floor(n.doubleValue()) || n.intValue() < 1) {
        throw invalid(index, entry, "a count must be a whole number of at least 1");
      }
      return n.intValue();
    }
    if (entry instanceof String s) {
      String text = s.trim();
      try {
        if (text.endsWith("%")) {
          double percent = Double.parseDouble(text.substring(0, text.length() - 1).trim());
          if (percent <= 0 || percent > 100) {
            throw invalid(index, entry, "a percentage must be above 0 and at most 100");
          }
          return percent;
        }
        return parse(Integer.parseInt(text), index);
      } catch (NumberFormatException e) {
        throw invalid(index, entry, "expected a count such as 5 or a percentage such as \"20%\"");
      }
    }
    throw invalid(index, entry, "expected a count such as 5 or a percentage such as \"20%\"");
  }

  private static IllegalArgumentException invalid(int index, Object entry, String why) {
    return new IllegalArgumentException("serial[" + index + "] '" + entry + "': " + why);
  }

  /** The size of wave {@code waveIndex} (0-based) for {@code total} selected devices. */
  public int sizeOf(int waveIndex, int total) {
    Object entry = entries.get(Math.min(waveIndex, entries.size() - 1));
    if (entry instanceof Integer count) {
      return count;
    }
    return Math.max(1, (int) Math.floor(total * (Double) entry / 100.0));
  }

  public int entryCount() {
    return entries.size();
  }
}
