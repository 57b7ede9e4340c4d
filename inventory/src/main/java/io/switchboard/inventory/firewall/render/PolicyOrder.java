package io.switchboard.inventory.firewall.render;

import io.switchboard.inventory.firewall.model.RuleDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The change of one zone pair's ordered policies: removed ones deleted, kept ones changed leaf by
 * leaf, new ones set (Junos appends them), then the fewest {@code insert} commands that put every
 * policy in its place. The policies that stay put are a longest run already in the wanted order;
 * every other one is inserted after its predecessor in the wanted order (before the first one that
 * stays put when it comes first), working from the top, so each insert names a policy in place.
 */
final class PolicyOrder {
  private PolicyOrder() {}

  static void change(String pair, List<RuleDef> old, List<RuleDef> wanted, List<String> out) {
    Map<String, RuleDef> oldByName = new HashMap<>();
    old.forEach(r -> oldByName.put(r.name(), r));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      position.put(wanted.get(i).name(), i);
    }
    List<String> device = new ArrayList<>();
    for (RuleDef r : old) {
      if (position.containsKey(r.name())) {
        device.add(r.name());
      } else {
        out.add("delete " + JunosFirewallRenderer.POLICIES + pair + " policy " + r.name());
      }
    }
    for (RuleDef r : wanted) {
      RuleDef before = oldByName.get(r.name());
      LeafDiff.apply(
          before == null ? List.of() : JunosFirewallRenderer.ruleLines(pair, before),
          JunosFirewallRenderer.ruleLines(pair, r),
          out);
      if (before == null) {
        device.add(r.name());
      }
    }
    boolean[] stays = longestInOrder(device, position, wanted.size());
    String firstStaying = null;
    for (RuleDef r : wanted) {
      if (stays[position.get(r.name())]) {
        firstStaying = r.name();
        break;
      }
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (stays[i]) {
        continue;
      }
      String name = wanted.get(i).name();
      String where =
          i == 0 ? "before policy " + firstStaying : "after policy " + wanted.get(i - 1).name();
      out.add("insert " + JunosFirewallRenderer.POLICIES + pair + " policy " + name + " " + where);
    }
  }

  /**
   * Marks, by wanted position, the policies of a longest subsequence of {@code device} that is
   * already in wanted order (longest increasing subsequence of positions, O(n log n)).
   */
  private static boolean[] longestInOrder(
      List<String> device, Map<String, Integer> position, int size) {
    int n = device.size();
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      pos[i] = position.get(device.get(i));
    }
    int[] tails = new int[n];
    int[] prev = new int[n];
    int length = 0;
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pos[tails[mid]] < pos[i]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == length) {
        length++;
      }
    }
    boolean[] stays = new boolean[size];
    for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = prev[i]) {
      stays[pos[i]] = true;
    }
    return stays;
  }
}
