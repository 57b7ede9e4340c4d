package io.switchboard.devices.fault;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fault probabilities for a whole fleet. Each device draws from its own seeded random stream (seed
 * from the serial), so a profile hits the same devices the same way on every run. A probability
 * applies per event: per RPC for slow responses and dropped sessions, per commit, per image
 * download, per boot for wrong serial and unreachable.
 *
 * <p>Named profiles: {@code none}; {@code flaky} (slow 10%, drop 2%, commit failure 5%); {@code
 * hostile} (slow 30%, drop 10%, commit failure 20%, corrupt image 30%, wrong serial 5%, unreachable
 * 5%). Or a list: {@code commit-failure=0.1,slow-responses=0.2}.
 */
public final class FaultProfile {

  public static final FaultProfile NONE = new FaultProfile("none", Map.of());

  private final String name;
  private final Map<Fault, Double> probabilities;

  private FaultProfile(String name, Map<Fault, Double> probabilities) {
    this.name = name;
    EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
    copy.putAll(probabilities);
    this.probabilities = Collections.unmodifiableMap(copy);
  }

  public static FaultProfile of(Map<Fault, Double> probabilities) {
    probabilities.forEach(FaultProfile::checkProbability);
    return new FaultProfile("custom", probabilities);
  }

  /** A named profile or a {@code fault=probability} list. */
  public static FaultProfile parse(String text) {
    String spec = text == null ? "none" : text.trim();
    switch (spec) {
      case "", "none" -> {
        return NONE;
      }
      case "flaky" -> {
        return new FaultProfile(
            "flaky",
            Map.of(
                Fault.SLOW_RESPONSES, 0.10, Fault.DROP_SESSION, 0.02, Fault.COMMIT_FAILURE, 0.05));
      }
      case "hostile" -> {
        return new FaultProfile(
            "hostile",
            Map.of(
                Fault.SLOW_RESPONSES, 0.30,
                Fault.DROP_SESSION, 0.10,
                Fault.COMMIT_FAILURE, 0.20,
                Fault.CORRUPT_IMAGE, 0.30,
                Fault.WRONG_SERIAL, 0.05,
                Fault.UNREACHABLE, 0.05));
      }
      default -> {
        Map<Fault, Double> probabilities = new EnumMap<>(Fault.class);
        for (String part : spec.split(",")) {
          String[] pair = part.split("=", 2);
          Fault fault = Fault.parse(pair[0]);
          double p;
          try {
            p = pair.length == 2 ? Double.parseDouble(pair[1].trim()) : 1.0;
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad probability in fault profile: '" + part + "'");
          }
          checkProbability(fault, p);
          probabilities.put(fault, p);
        }
        return new FaultProfile(spec, probabilities);
      }
    }
  }

  private static void checkProbability(Fault fault, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(
          "probability of " + fault.cliName() + " must be in [0,1]: " + p);
    }
  }

  public String name() {
    return name;
  }

  public Map<Fault, Double> probabilities() {
    return probabilities;
  }

  @Override
  public String toString() {
    return name;
  }
}
