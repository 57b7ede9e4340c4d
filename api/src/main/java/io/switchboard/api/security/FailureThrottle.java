package io.switchboard.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts per key (a user name, a client address, a serial number) and says when the
 * next attempt may be checked at all: after {@link Policy#slowDownAfter()} failures each further
 * failure makes the key wait (the delay doubles from {@link Policy#initialDelay()} up to {@link
 * Policy#maxDelay()}), after {@link Policy#maxFailures()} it is locked for {@link
 * Policy#lockDuration()}. Failures older than the lock duration are forgotten. Attempts while a key
 * waits or is locked are refused without being checked and are not counted. Memory is bounded: past
 * {@link #MAX_KEYS} keys the expired ones go, then all that are not locked.
 */
public final class FailureThrottle {
  static final int MAX_KEYS = 100_000;

  /** How many failures a key may have and what they cost. */
  public record Policy(
      int slowDownAfter,
      int maxFailures,
      Duration initialDelay,
      Duration maxDelay,
      Duration lockDuration) {
    public Policy {
      if (maxFailures < 1 || slowDownAfter < 0 || lockDuration.isNegative()) {
        throw new IllegalArgumentException("invalid lockout policy " + maxFailures);
      }
    }
  }

  /** What a failure led to. */
  public enum Outcome {
    COUNTED,
    SLOWED_DOWN,
    LOCKED
  }

  private record State(int failures, long lastFailureAt, long blockedUntil) {}

  private final Policy policy;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public FailureThrottle(Policy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Whether an attempt for {@code key} must be refused without checking it. */
  public boolean isBlocked(String key) {
    State state = states.get(key);
    return state != null && state.blockedUntil() > clock.millis();
  }

  /** Records a failed attempt. */
  public Outcome failure(String key) {
    long now = clock.millis();
    if (states.size() >= MAX_KEYS) {
      prune(now);
    }
    State next =
        states.compute(
            key,
            (k, old) -> {
              int failures =
                  old == null || now - old.lastFailureAt() > policy.lockDuration().toMillis()
                      ? 1
                      : old.failures() + 1;
              return new State(failures, now, now + wait(failures));
            });
    if (next.failures() >= policy.maxFailures()) {
      return Outcome.LOCKED;
    }
    return next.blockedUntil() > now ? Outcome.SLOWED_DOWN : Outcome.COUNTED;
  }

  /** A successful attempt clears the key's failures. */
  public void success(String key) {
    states.remove(key);
  }

  private long wait(int failures) {
    if (failures >= policy.maxFailures()) {
      return policy.lockDuration().toMillis();
    }
    if (failures < policy.slowDownAfter() || policy.slowDownAfter() == 0) {
      return 0;
    }
    int doublings = Math.min(failures - policy.slowDownAfter(), 30);
    long delay = policy.initialDelay().toMillis() << doublings;
    return Math.min(delay, policy.maxDelay().toMillis());
  }

  private void prune(long now) {
    long window = policy.lockDuration().toMillis();
    states.entrySet().removeIf(e -> now - e.getValue().lastFailureAt() > window);
    if (states.size() >= MAX_KEYS) {
      states.entrySet().removeIf(e -> e.getValue().blockedUntil() <= now);
    }
  }
}
