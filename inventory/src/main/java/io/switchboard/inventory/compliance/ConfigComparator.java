package io.switchboard.inventory.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a device's running configuration with what Switchboard intended, by meaning rather than
 * text: both sides become sets of {@code set} statements in canonical spelling, so line order,
 * quoting and blanks do not matter; a statement that only names a container another statement fills
 * ({@code set system services ssh} beside {@code ... ssh root-login deny}) is implied, not extra.
 * Order matters only where Junos evaluates in order: the policies of one zone pair (and the global
 * policies). Pure.
 */
public final class ConfigComparator {

  /** Paths compare word by word, so a container sorts right before everything under it. */
  private static final Comparator<List<String>> PATHS =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  private ConfigComparator() {}

  /**
   * @param intended the device's intended parts, oldest write first (a later part's {@code delete}
   *     removes what earlier parts set)
   * @param running the running configuration in {@code set} form ({@code show configuration |
   *     display set})
   */
  public static ConfigDrift compare(List<IntendedConfig> intended, String running) {
    Map<List<String>, IntendedConfig> intendedPaths = merge(intended);
    Set<List<String>> runningPaths = new LinkedHashSet<>();
    for (SetLine line : SetLine.parseAll(running)) {
      if (line.verb().equals("set")) {
        runningPaths.add(line.path());
      }
    }
    NavigableSet<List<String>> wanted = sorted(intendedPaths.keySet());
    NavigableSet<List<String>> present = sorted(runningPaths);

    Map<ComplianceFeature, Findings> findings = new EnumMap<>(ComplianceFeature.class);
    for (ComplianceFeature feature : ComplianceFeature.values()) {
      findings.put(feature, new Findings());
    }
    for (List<String> path : leaves(wanted)) {
      if (!covered(path, present)) {
        Findings f = findings.get(ComplianceFeature.of(path));
        f.missing.add(new SetLine("set", path).toMaskedString());
        f.writer(intendedPaths.get(path));
      }
    }
    for (List<String> path : leaves(present)) {
      if (!covered(path, wanted)) {
        Findings f = findings.get(ComplianceFeature.of(path));
        f.extra.add(new SetLine("set", path).toMaskedString());
        f.writer(nearestWriter(path, wanted, intendedPaths));
      }
    }
    Map<List<String>, List<String>> intendedOrder = policyOrder(intendedPaths.keySet());
    Map<List<String>, List<String>> runningOrder = policyOrder(runningPaths);
    for (Map.Entry<List<String>, List<String>> pair : intendedOrder.entrySet()) {
      List<String> theirs = runningOrder.getOrDefault(pair.getKey(), List.of());
      List<String> ours = new ArrayList<>(pair.getValue());
      ours.retainAll(theirs);
      List<String> common = new ArrayList<>(theirs);
      common.retainAll(ours);
      if (!ours.equals(common)) {
        Findings f = findings.get(ComplianceFeature.FIREWALL);
        f.reordered.add(
            String.join(" ", pair.getKey())
                + ": intended order "
                + String.join(", ", ours)
                + "; running order "
                + String.join(", ", common));
        f.writer(nearestWriter(pair.getKey(), wanted, intendedPaths));
      }
    }
    List<FeatureDrift> features = new ArrayList<>();
    findings.forEach((feature, f) -> features.add(f.drift(feature)));
    return new ConfigDrift(features);
  }

  /**
   * The incremental change that brings the running configuration back to the intended one: {@code
   * delete} for each extra hierarchy (at the highest level nothing intended lies under, never a
   * whole top-level hierarchy), {@code set} for each missing statement, and {@code insert ...
   * after} for each zone pair whose policies run in another order. Empty when in sync.
   */
  public static List<String> revertCommands(List<IntendedConfig> intended, String running) {
    Map<List<String>, IntendedConfig> intendedPaths = merge(intended);
    List<List<String>> runningPaths = runningPaths(running);
    NavigableSet<List<String>> wanted = sorted(intendedPaths.keySet());
    NavigableSet<List<String>> present = sorted(new LinkedHashSet<>(runningPaths));
    Set<String> commands = new LinkedHashSet<>();
    for (List<String> path : leaves(present)) {
      if (!covered(path, wanted)) {
        int depth = Math.min(2, path.size());
        while (depth < path.size() && covered(path.subList(0, depth), wanted)) {
          depth++;
        }
        commands.add(new SetLine("delete", path.subList(0, depth)).toString());
      }
    }
    for (List<String> path : leaves(wanted)) {
      if (!covered(path, present)) {
        commands.add(render(path));
      }
    }
    Map<List<String>, List<String>> runningOrder = policyOrder(runningPaths);
    for (Map.Entry<List<String>, List<String>> pair :
        policyOrder(intendedPaths.keySet()).entrySet()) {
      List<String> ours = pair.getValue();
      List<String> theirs = new ArrayList<>(runningOrder.getOrDefault(pair.getKey(), List.of()));
      theirs.retainAll(ours);
      List<String> expected = new ArrayList<>(ours);
      expected.retainAll(theirs);
      if (!expected.equals(theirs)) {
        // after the sets above every intended policy exists: chain them in the intended order
        for (int i = 1; i < ours.size(); i++) {
          List<String> words = new ArrayList<>(pair.getKey());
          words.addAll(List.of("policy", ours.get(i), "after", "policy", ours.get(i - 1)));
          commands.add(new SetLine("insert", words).toString());
        }
      }
    }
    return List.copyOf(commands);
  }

  /**
   * What ADOPT records as a part of its own so that the intended configuration becomes what the
   * device runs: {@code set} for each extra statement, {@code delete} for each missing one, and the
   * device's policies of a reordered zone pair again, in the device's order (a part written later
   * moves its statements after the earlier ones).
   *
   * @param intended the parts other than the adopted one, oldest write first
   */
  public static List<String> adoptLines(List<IntendedConfig> intended, String running) {
    Map<List<String>, IntendedConfig> intendedPaths = merge(intended);
    List<List<String>> runningPaths = runningPaths(running);
    NavigableSet<List<String>> wanted = sorted(intendedPaths.keySet());
    NavigableSet<List<String>> present = sorted(new LinkedHashSet<>(runningPaths));
    Set<String> lines = new LinkedHashSet<>();
    for (List<String> path : leaves(present)) {
      if (!covered(path, wanted)) {
        lines.add(render(path));
      }
    }
    for (List<String> path : leaves(wanted)) {
      if (!covered(path, present)) {
        lines.add(new SetLine("delete", path).toString());
      }
    }
    Map<List<String>, List<String>> intendedOrder = policyOrder(intendedPaths.keySet());
    for (Map.Entry<List<String>, List<String>> pair : policyOrder(runningPaths).entrySet()) {
      List<String> theirs = pair.getValue();
      List<String> ours = new ArrayList<>(intendedOrder.getOrDefault(pair.getKey(), List.of()));
      ours.retainAll(theirs);
      List<String> common = new ArrayList<>(theirs);
      common.retainAll(ours);
      if (!ours.equals(common)) {
        for (List<String> path : runningPaths) {
          if (startsWith(path, pair.getKey())) {
            lines.add(render(path));
          }
        }
      }
    }
    return List.copyOf(lines);
  }

  private static List<List<String>> runningPaths(String running) {
    List<List<String>> paths = new ArrayList<>();
    for (SetLine line : SetLine.parseAll(running)) {
      if (line.verb().equals("set")) {
        paths.add(line.path());
      }
    }
    return paths;
  }

  /** The intended statements after every part, each with the part that last wrote it. */
  static Map<List<String>, IntendedConfig> merge(List<IntendedConfig> parts) {
    Map<List<String>, IntendedConfig> merged = new LinkedHashMap<>();
    for (IntendedConfig part : parts) {
      for (SetLine line : SetLine.parseAll(part.getSetLines())) {
        if (line.verb().equals("delete")) {
          merged.keySet().removeIf(path -> startsWith(path, line.path()));
        } else {
          // a part written again moves its statements to its own, newer position
          merged.remove(line.path());
          merged.put(line.path(), part);
        }
      }
    }
    return merged;
  }

  private static NavigableSet<List<String>> sorted(Set<List<String>> paths) {
    NavigableSet<List<String>> set = new TreeSet<>(PATHS);
    set.addAll(paths);
    return set;
  }

  /** Statements that no other statement extends (the others are implied by them). */
  private static List<List<String>> leaves(NavigableSet<List<String>> paths) {
    List<List<String>> leaves = new ArrayList<>();
    for (List<String> path : paths) {
      List<String> next = paths.higher(path);
      if (next == null || !startsWith(next, path)) {
        leaves.add(path);
      }
    }
    return leaves;
  }

  /** Whether the other side has this statement or one under it. */
  private static boolean covered(List<String> path, NavigableSet<List<String>> other) {
    List<String> candidate = other.ceiling(path);
    return candidate != null && startsWith(candidate, path);
  }

  /** The part that wrote the intended statement sharing the longest hierarchy with {@code path}. */
  private static IntendedConfig nearestWriter(
      List<String> path,
      NavigableSet<List<String>> wanted,
      Map<List<String>, IntendedConfig> writers) {
    for (int depth = path.size(); depth >= 2; depth--) {
      List<String> prefix = path.subList(0, depth);
      List<String> candidate = wanted.ceiling(prefix);
      if (candidate != null && startsWith(candidate, prefix)) {
        return writers.get(candidate);
      }
    }
    return null;
  }

  /** Per zone pair ({@code security policies from-zone A to-zone B}, or global): policy order. */
  static Map<List<String>, List<String>> policyOrder(Iterable<List<String>> paths) {
    Map<List<String>, List<String>> order = new LinkedHashMap<>();
    for (List<String> path : paths) {
      if (path.size() < 3 || !path.get(0).equals("security") || !path.get(1).equals("policies")) {
        continue;
      }
      int at = path.indexOf("policy");
      if (at < 2 || at + 1 >= path.size()) {
        continue;
      }
      List<String> names =
          order.computeIfAbsent(List.copyOf(path.subList(0, at)), k -> new ArrayList<>());
      String name = path.get(at + 1);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return order;
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static String render(List<String> path) {
    return new SetLine("set", path).toString();
  }

  private static final class Findings {
    final List<String> missing = new ArrayList<>();
    final List<String> extra = new ArrayList<>();
    final List<String> reordered = new ArrayList<>();
    final Map<String, PartWriter> writers = new LinkedHashMap<>();

    void writer(IntendedConfig part) {
      if (part != null) {
        writers.putIfAbsent(part.getPart(), PartWriter.of(part));
      }
    }

    FeatureDrift drift(ComplianceFeature feature) {
      boolean inSync = missing.isEmpty() && extra.isEmpty() && reordered.isEmpty();
      return new FeatureDrift(
          feature.key(), inSync, missing, extra, reordered, List.copyOf(writers.values()));
    }
  }
}
