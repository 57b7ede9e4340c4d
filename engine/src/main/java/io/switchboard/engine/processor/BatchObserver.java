package io.switchboard.engine.processor;

import io.switchboard.engine.state.EngineState;

/**
 * Watches the command processor's batches, on the processor thread: {@link #beforeCommit} sees the
 * state with the batch's changes not yet drained (so it may read {@code changedKeys()}), {@link
 * #committed} how long the durable commit took. It must be quick and must not change the state.
 */
public interface BatchObserver {
  BatchObserver NONE = new BatchObserver() {};

  /**
   * Called before the batch's changes are written; {@code commands} may be 0 (timers only).
   *
   * @param state the engine state, read-only
   * @param commands the number of commands in the batch
   */
  default void beforeCommit(EngineState state, int commands) {}

  /**
   * Called after the batch's changes are durable.
   *
   * @param commands the number of commands in the batch
   * @param commitNanos how long writing the batch took
   */
  default void committed(int commands, long commitNanos) {}
}
