package io.switchboard.devices.fault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * One device's faults: a probability per fault (1.0 = every time) plus one-shot faults that strike
 * once and clear themselves. Deterministic for a given seed. Thread-safe.
 */
public final class FaultInjector {

  private final Map<Fault, Double> probabilities = new EnumMap<>(Fault.class);
  private final Map<Fault, Integer> oneShots = new EnumMap<>(Fault.class);
  private final Random random;
  private volatile Duration slowResponseDelay;

  public FaultInjector(long seed, FaultProfile profile, Duration slowResponseDelay) {
    this.random = new Random(seed);
    this.probabilities.putAll(profile.probabilities());
    this.slowResponseDelay = slowResponseDelay;
  }

  /** Whether the fault strikes now: consumes a one-shot, else draws against the probability. */
  public synchronized boolean strikes(Fault fault) {
    Integer shots = oneShots.get(fault);
    if (shots != null) {
      if (shots <= 1) {
        oneShots.remove(fault);
      } else {
        oneShots.put(fault, shots - 1);
      }
      return true;
    }
    Double p = probabilities.get(fault);
    if (p == null || p <= 0.0) {
      return false;
    }
    return p >= 1.0 || random.nextDouble() < p;
  }

  /** Makes the fault strike every time until cleared. */
  public synchronized void inject(Fault fault) {
    inject(fault, 1.0);
  }

  public synchronized void inject(Fault fault, double probability) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0,1]: " + probability);
    }
    probabilities.put(fault, probability);
  }

  /** Makes the fault strike the next {@code times} times, then clear itself. */
  public synchronized void injectTimes(Fault fault, int times) {
    if (times <= 0) {
      throw new IllegalArgumentException("times must be positive: " + times);
    }
    oneShots.put(fault, times);
  }

  public synchronized void clear(Fault fault) {
    probabilities.remove(fault);
    oneShots.remove(fault);
  }

  public synchronized void clearAll() {
    probabilities.clear();
    oneShots.clear();
  }

  /** Whether the fault is armed at all (probability above 0, or a one-shot pending). */
  public synchronized boolean armed(Fault fault) {
    Double p = probabilities.get(fault);
    return oneShots.containsKey(fault) || (p != null && p > 0.0);
  }

  /** The armed faults with their probabilities (one-shots count as 1.0). */
  public synchronized Map<Fault, Double> active() {
    Map<Fault, Double> result = new EnumMap<>(Fault.class);
    probabilities.forEach(
        (f, p) -> {
          if (p > 0.0) {
            result.put(f, p);
          }
        });
    oneShots.keySet().forEach(f -> result.put(f, 1.0));
    return result;
  }

  public Duration slowResponseDelay() {
    return slowResponseDelay;
  }

  public void slowResponseDelay(Duration delay) {
    this.slowResponseDelay = delay;
  }
}
