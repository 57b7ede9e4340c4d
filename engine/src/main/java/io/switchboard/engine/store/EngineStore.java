package io.switchboard.engine.store;

import io.switchboard.engine.state.EngineState;

/**
 * Durable storage of the engine's state. The processor loads everything once at start and then
 * writes, per batch of commands, exactly the rows those commands changed, in one transaction,
 * before it acknowledges any of the commands.
 */
public interface EngineStore {

  /** Fills an empty state with everything stored. */
  void load(EngineState state);

  /** Writes the changes recorded in {@code state} since the last flush, atomically. */
  void flush(EngineState state);
}
