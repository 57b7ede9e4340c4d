package io.switchboard.inventory.firewall.render;

import io.switchboard.inventory.firewall.model.RuleDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change of one zone pair's ordered policies: removed ones deleted, kept ones changed leaf by
 * leaf, new ones set (Junos appends them), then the fewest {@code insert} commands that put every
 * policy in its place. The policies that stay put are a longest run already in the wanted order;
 * every other one is inserted after its predecessor in the wanted order (before the first one that
 * stays put when it comes first), working from the top, so each insert names a policy in place.
 */
final class PolicyOrder {
  private PolicyOrder() {}

  /**
   * @param nextForeign the first policy of another Switchboard policy that follows this one in the
   *     pair on the device (null: none): new policies, which Junos appends after it, are then out
   *     of place too, and a first policy with nothing in place goes before it
   */
  static void change(
      String pair, List<RuleDef> old, List<RuleDef> wanted, String nextForeign, List<String> out) {
    Map<String, RuleDef> oldByName = new HashMap<>();
    old.forEach(r -> oldByName.put(r.name(), r));
    Set<String> wantedNames = new HashSet<>();
    wanted.forEach(r -> wantedNames.add(r.name()));
    for (RuleDef r : old) {
      if (!wantedNames.contains(r.name())) {
        out.add("delete " + JunosFirewallRenderer.POLICIES + pair + " policy " + r.name());
      }
    }
    for (RuleDef r : wanted) {
      RuleDef before = oldByName.get(r.name());
      LeafDiff.apply(
          before == null ? List.of() : JunosFirewallRenderer.ruleLines(pair, before),
          JunosFirewallRenderer.ruleLines(pair, r),
          out);
    }
    boolean[] stays = staying(old, wanted, nextForeign);
    String firstStaying = nextForeign;
    for (int i = 0; i < wanted.size(); i++) {
      if (stays[i]) {
        firstStaying = wanted.get(i).name();
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
   * The policies of {@code wanted} that {@link #change} puts in place with an {@code insert}: moved
   * ones (outside the longest run already in order) and new ones that Junos would not append at
   * their place.
   */
  static Set<String> inserted(List<RuleDef> old, List<RuleDef> wanted, String nextForeign) {
    boolean[] stays = staying(old, wanted, nextForeign);
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      if (!stays[i]) {
        out.add(wanted.get(i).name());
      }
    }
    return out;
  }

  /**
   * By wanted position, the policies already in place after the deletes and the sets: the kept ones
   * in device order, then the new ones Junos appended (in place only when no other policy follows
   * them), of which a longest run in wanted order stays put.
   */
  private static boolean[] staying(List<RuleDef> old, List<RuleDef> wanted, String nextForeign) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      position.put(wanted.get(i).name(), i);
    }
    List<String> device = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (RuleDef r : old) {
      if (position.containsKey(r.name())) {
        device.add(r.name());
        known.add(r.name());
      }
    }
    if (nextForeign == null) {
      for (RuleDef r : wanted) {
        if (!known.contains(r.name())) {
          device.add(r.name());
        }
      }
    }
    return longestInOrder(device, position, wanted.size());
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
