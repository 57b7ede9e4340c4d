package io.switchboard.inventory.firewall.render;

import java.util.List;

/** The change between two lists of leaf lines of one statement: deletes first, then sets. */
final class LeafDiff {
  private LeafDiff() {}

  static void apply(List<String> before, List<String> after, List<String> out) {
    for (String line : before) {
      if (!after.contains(line)) {
        out.add("delete " + line);
      }
    }
    for (String line : after) {
      if (!before.contains(line)) {
        out.add("set " + line);
      }
    }
  }
}
