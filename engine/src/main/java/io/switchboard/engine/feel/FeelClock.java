package io.switchboard.engine.feel;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.feel.FeelEngineClock;

/**
 * The engine clock as FEEL's {@code now()} and {@code today()} see it, so a pinned clock moves them
 * too (as Zeebe's FEEL clock does: the engine's instant in the system time zone).
 */
public final class FeelClock implements FeelEngineClock {
  private final Clock clock;

  public FeelClock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ZonedDateTime getCurrentTime() {
    return clock.instant().atZone(ZoneId.systemDefault());
  }
}
