package io.switchboard.inventory.firewall.render;

import io.switchboard.inventory.firewall.model.OtherPolicies.PairRules;
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
 * policy in its place. The rules of the other Switchboard policies in the pair are not this
 * change's to move: they all stay put, and of this policy's rules a longest run already in the
 * wanted order among them stays put too; every other one is inserted after its predecessor in the
 * wanted order (before the next rule that stays put when it comes first), working from the top, so
 * each insert names a policy in place. When the policy's priority changed, its place among the
 * others changed and its rules move across theirs the same way.
 */
final class PolicyOrder {
  private PolicyOrder() {}

  /** Deletes, leaf changes, sets and inserts of one pair, appended to {@code out}. */
  static void change(
      String pair, List<RuleDef> old, List<RuleDef> wanted, PairRules others, List<String> out) {
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
    Layout layout = new Layout(old, wanted, others);
    boolean[] stays = layout.staying();
    int start = others.precedingNow();
    for (int k = 0; k < wanted.size(); k++) {
      int j = start + k;
      if (stays[j]) {
        continue;
      }
      String where;
      if (k > 0) {
        where = "after policy " + wanted.get(k - 1).name();
      } else {
        int next = j + 1;
        while (next < stays.length && !stays[next]) {
          next++;
        }
        where =
            next < stays.length
                ? "before policy " + layout.name(next)
                : "after policy " + layout.name(j - 1);
      }
      out.add(
          "insert "
              + JunosFirewallRenderer.POLICIES
              + pair
              + " policy "
              + wanted.get(k).name()
              + " "
              + where);
    }
  }

  /**
   * The policies of {@code wanted} that {@link #change} puts in place with an {@code insert}: moved
   * ones (outside the longest run already in order) and new ones that Junos would not append at
   * their place.
   */
  static Set<String> inserted(List<RuleDef> old, List<RuleDef> wanted, PairRules others) {
    boolean[] stays = new Layout(old, wanted, others).staying();
    Set<String> out = new LinkedHashSet<>();
    for (int k = 0; k < wanted.size(); k++) {
      if (!stays[others.precedingNow() + k]) {
        out.add(wanted.get(k).name());
      }
    }
    return out;
  }

  /**
   * The pair as wanted (the others' rules with this policy's in its place now) and as the device
   * has it after the deletes and the sets: the others' rules with this policy's kept ones in their
   * former place, then its new ones, which Junos appends at the end of the pair.
   */
  private static final class Layout {
    private final List<String> wantedNames = new ArrayList<>();
    private final List<Integer> device = new ArrayList<>();
    private final boolean[] foreign;

    Layout(List<RuleDef> old, List<RuleDef> wanted, PairRules others) {
      List<String> theirs = others.names();
      int now = others.precedingNow();
      int size = theirs.size() + wanted.size();
      foreign = new boolean[size];
      Map<String, Integer> ownPosition = new HashMap<>();
      for (int i = 0; i < now; i++) {
        add(theirs.get(i), true);
      }
      for (RuleDef r : wanted) {
        ownPosition.put(r.name(), wantedNames.size());
        add(r.name(), false);
      }
      for (int i = now; i < theirs.size(); i++) {
        add(theirs.get(i), true);
      }
      int before = others.precedingBefore();
      for (int i = 0; i < before; i++) {
        device.add(i < now ? i : i + wanted.size());
      }
      Set<String> kept = new HashSet<>();
      for (RuleDef r : old) {
        Integer p = ownPosition.get(r.name());
        if (p != null) {
          device.add(p);
          kept.add(r.name());
        }
      }
      for (int i = before; i < theirs.size(); i++) {
        device.add(i < now ? i : i + wanted.size());
      }
      for (RuleDef r : wanted) {
        if (!kept.contains(r.name())) {
          device.add(ownPosition.get(r.name()));
        }
      }
    }

    private void add(String name, boolean theirs) {
      foreign[wantedNames.size()] = theirs;
      wantedNames.add(name);
    }

    String name(int wantedPosition) {
      return wantedNames.get(wantedPosition);
    }

    /**
     * By wanted position, the rules that stay put: every one of the other policies' (they are in
     * the same order on the device and in the wanted pair), and of this policy's a longest run in
     * wanted order among those already on the right side of each of theirs — one with as many of
     * theirs before it on the device as it wants before it.
     */
    boolean[] staying() {
      int n = wantedNames.size();
      int[] theirsBefore = new int[n + 1];
      for (int p = 0; p < n; p++) {
        theirsBefore[p + 1] = theirsBefore[p] + (foreign[p] ? 1 : 0);
      }
      List<Integer> candidates = new ArrayList<>();
      int seen = 0;
      for (int pos : device) {
        if (foreign[pos]) {
          seen++;
        } else if (theirsBefore[pos] == seen) {
          candidates.add(pos);
        }
      }
      boolean[] stays = longestInOrder(candidates, n);
      for (int p = 0; p < n; p++) {
        stays[p] |= foreign[p];
      }
      return stays;
    }
  }

  /**
   * Marks the positions of a longest increasing subsequence of {@code pos} (patience sorting, O(n
   * log n)).
   */
  private static boolean[] longestInOrder(List<Integer> pos, int size) {
    int n = pos.size();
    int[] tails = new int[n];
    int[] prev = new int[n];
    int length = 0;
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pos.get(tails[mid]) < pos.get(i)) {
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
      stays[pos.get(i)] = true;
    }
    return stays;
  }
}
