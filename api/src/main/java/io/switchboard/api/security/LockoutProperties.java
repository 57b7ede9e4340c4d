package io.switchboard.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.security.lockout.*}: how failed sign-ins are throttled, per user name, per
 * client address and per device serial (activation secrets). Defaults: a user slows down after 3
 * failures (1 s, doubling to 30 s) and is locked for 15 minutes after 10; an address after 20 and
 * 100; a serial like a user.
 */
@ConfigurationProperties("switchboard.security.lockout")
public class LockoutProperties {
  private boolean enabled = true;
  private final Limits user = new Limits(3, 10);
  private final Limits address = new Limits(20, 100);
  private final Limits serial = new Limits(3, 10);

  /** One key's limits. */
  public static class Limits {
    /** Failures after which each further failure makes the key wait before the next check. */
    private int slowDownAfter;

    /** Failures after which the key is locked. */
    private int maxFailures;

    /** The first wait after {@code slowDownAfter} failures; it doubles with each failure. */
    private Duration initialDelay = Duration.ofSeconds(1);

    private Duration maxDelay = Duration.ofSeconds(30);

    /** How long a lock lasts; also how long a failure is remembered. */
    private Duration duration = Duration.ofMinutes(15);

    Limits(int slowDownAfter, int maxFailures) {
      this.slowDownAfter = slowDownAfter;
      this.maxFailures = maxFailures;
    }

    public FailureThrottle.Policy policy() {
      return new FailureThrottle.Policy(
          slowDownAfter, maxFailures, initialDelay, maxDelay, duration);
    }

    public int getSlowDownAfter() {
      return slowDownAfter;
    }

    public void setSlowDownAfter(int slowDownAfter) {
      this.slowDownAfter = slowDownAfter;
    }

    public int getMaxFailures() {
      return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
      this.maxFailures = maxFailures;
    }

    public Duration getInitialDelay() {
      return initialDelay;
    }

    public void setInitialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
    }

    public Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public Duration getDuration() {
      return duration;
    }

    public void setDuration(Duration duration) {
      this.duration = duration;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Limits getUser() {
    return user;
  }

  public Limits getAddress() {
    return address;
  }

  public Limits getSerial() {
    return serial;
  }
}
