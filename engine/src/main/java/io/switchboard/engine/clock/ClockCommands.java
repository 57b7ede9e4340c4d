package io.switchboard.engine.clock;

import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import java.util.concurrent.CompletableFuture;

/**
 * Pins and resets the engine clock ({@code newPinClockCommand}, {@code newResetClockCommand}). Off
 * unless {@code switchboard.engine.clock-control.enabled=true}: a pinned clock changes when every
 * timer of every tenant fires, so it is a tool for tests and demos, never for production. Both go
 * through the command processor, so the next batch sees the new time and fires what became due. The
 * pinned time is not stored: after a restart the engine runs on the system clock again.
 */
public final class ClockCommands {
  private final CommandProcessor processor;
  private final EngineClock clock;
  private final boolean enabled;

  public ClockCommands(CommandProcessor processor, EngineClock clock, boolean enabled) {
    this.processor = processor;
    this.clock = clock;
    this.enabled = enabled;
  }

  public CompletableFuture<Void> pin(Long timestamp) {
    refuseUnlessEnabled();
    if (timestamp == null || timestamp < 0) {
      throw EngineException.invalidArgument(
          "Expected a non-negative 'timestamp' (epoch milliseconds) to pin the clock to, but got "
              + timestamp);
    }
    return processor.submit(
        reply -> {
          clock.pin(timestamp);
          processor.reply(reply, null);
        });
  }

  public CompletableFuture<Void> reset() {
    refuseUnlessEnabled();
    return processor.submit(
        reply -> {
          clock.reset();
          processor.reply(reply, null);
        });
  }

  private void refuseUnlessEnabled() {
    if (!enabled) {
      throw new EngineException(
          403,
          "FORBIDDEN",
          "Clock control is disabled on this engine; set"
              + " switchboard.engine.clock-control.enabled=true to pin or reset the clock");
    }
  }
}
