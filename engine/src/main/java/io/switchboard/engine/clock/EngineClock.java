package io.switchboard.engine.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The engine's clock: the system clock, or a fixed instant while an operator or a test has pinned
 * it ({@code PUT /v2/clock}), as Zeebe's controlled clock does. A pinned clock stands still until
 * it is pinned again or reset. Timers, job deadlines, message lifetimes and the read model's dates
 * all read this clock; request timeouts (long polls, awaited results) do not.
 */
public final class EngineClock extends Clock {
  private final Clock system;
  private volatile Long pinnedMillis;

  public EngineClock(Clock system) {
    this.system = system;
  }

  public static EngineClock system() {
    return new EngineClock(Clock.systemUTC());
  }

  /** Stops the clock at {@code epochMillis}. */
  public void pin(long epochMillis) {
    pinnedMillis = epochMillis;
  }

  /** Back to the system clock. */
  public void reset() {
    pinnedMillis = null;
  }

  public boolean isPinned() {
    return pinnedMillis != null;
  }

  @Override
  public long millis() {
    Long pinned = pinnedMillis;
    return pinned == null ? system.millis() : pinned;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("The engine clock runs in UTC only");
  }
}
