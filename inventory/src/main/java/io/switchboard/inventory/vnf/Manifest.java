package io.switchboard.inventory.vnf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SOL004-style manifest ({@code .mf}): a {@code metadata:} block, then one block per file with
 * {@code Source}, {@code Algorithm} (SHA-256 only) and {@code Hash}.
 */
final class Manifest {
  private Manifest() {}

  /** File path to its hex SHA-256. */
  static Map<String, String> parse(String text, String manifestPath) {
    Map<String, String> files = new LinkedHashMap<>();
    String source = null;
    String algorithm = null;
    for (String raw : text.split("\r?\n")) {
      String line = raw.trim();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "Source" -> {
          source = value;
          algorithm = null;
        }
        case "Algorithm" -> algorithm = value;
        case "Hash" -> {
          if (source == null) {
            throw new VnfPackageProblem(manifestPath, manifestPath + ": Hash without Source");
          }
          if (!"SHA-256".equalsIgnoreCase(algorithm)) {
            throw new VnfPackageProblem(
                source, manifestPath + ": " + source + " must use Algorithm: SHA-256");
          }
          if (!value.matches("[0-9a-fA-F]{64}")) {
            throw new VnfPackageProblem(
                source, manifestPath + ": the Hash of " + source + " is not a SHA-256");
          }
          files.put(source, value);
          source = null;
        }
        default -> {
          // metadata lines
        }
      }
    }
    return files;
  }
}
