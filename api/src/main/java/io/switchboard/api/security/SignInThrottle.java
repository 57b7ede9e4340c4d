package io.switchboard.api.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.logging.LogSafe;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for everything that checks a secret: user passwords (per user name and per
 * client address) and device activation secrets (per serial). Every failure is logged and counted
 * ({@code switchboard.security.signin.failures}, tag {@code channel}), every lock too ({@code
 * switchboard.security.signin.lockouts}, tags {@code channel} and {@code key}). A blocked attempt
 * must be answered exactly like a wrong secret; the callers do so.
 */
@Component
@EnableConfigurationProperties(LockoutProperties.class)
public class SignInThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
  static final String FAILURES = "switchboard.security.signin.failures";
  static final String LOCKOUTS = "switchboard.security.signin.lockouts";

  private final boolean enabled;
  private final FailureThrottle users;
  private final FailureThrottle addresses;
  private final FailureThrottle serials;
  private final ObjectProvider<MeterRegistry> meters;

  @Autowired
  public SignInThrottle(LockoutProperties properties, ObjectProvider<MeterRegistry> meters) {
    this(properties, meters, Clock.systemUTC());
  }

  SignInThrottle(LockoutProperties properties, ObjectProvider<MeterRegistry> meters, Clock clock) {
    this.enabled = properties.isEnabled();
    this.users = new FailureThrottle(properties.getUser().policy(), clock);
    this.addresses = new FailureThrottle(properties.getAddress().policy(), clock);
    this.serials = new FailureThrottle(properties.getSerial().policy(), clock);
    this.meters = meters;
  }

  /** Whether a sign-in of {@code username} from {@code address} must be refused unchecked. */
  public boolean isUserBlocked(String username, String address) {
    return enabled
        && ((username != null && users.isBlocked(username))
            || (address != null && addresses.isBlocked(address)));
  }

  /** A wrong password; {@code exemptUser} counts only the address (the system account). */
  public void userFailed(String username, String address, boolean exemptUser) {
    count("api");
    LOG.info("Failed sign-in for user '{}' from {}", LogSafe.of(username), LogSafe.of(address));
    if (!enabled) {
      return;
    }
    if (username != null && !exemptUser) {
      report("api", "user", username, users.failure(username));
    }
    if (address != null) {
      report("api", "address", address, addresses.failure(address));
    }
  }

  /** A correct password clears the user name's failures (the address keeps its count). */
  public void userSucceeded(String username) {
    users.success(username);
  }

  /** Whether a phone-home of {@code serial} must be refused unchecked. */
  public boolean isSerialBlocked(String serial) {
    return enabled && serials.isBlocked(serial);
  }

  /** A wrong activation secret for a device that exists. */
  public void serialFailed(String serial, String address) {
    count("phone-home");
    LOG.info(
        "Failed phone-home authentication for serial '{}' from {}",
        LogSafe.of(serial),
        LogSafe.of(address));
    if (enabled) {
      report("phone-home", "serial", serial, serials.failure(serial));
    }
  }

  /** A correct activation secret clears the serial's failures. */
  public void serialSucceeded(String serial) {
    serials.success(serial);
  }

  private void report(String channel, String kind, String key, FailureThrottle.Outcome outcome) {
    if (outcome == FailureThrottle.Outcome.LOCKED) {
      LOG.warn(
          "Locked {} '{}' after repeated failed sign-ins ({})", kind, LogSafe.of(key), channel);
      MeterRegistry registry = meters.getIfAvailable();
      if (registry != null) {
        registry.counter(LOCKOUTS, "channel", channel, "key", kind).increment();
      }
    }
  }

  private void count(String channel) {
    MeterRegistry registry = meters.getIfAvailable();
    if (registry != null) {
      registry.counter(FAILURES, "channel", channel).increment();
    }
  }
}
