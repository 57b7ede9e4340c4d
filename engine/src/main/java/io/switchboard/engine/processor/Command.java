package io.switchboard.engine.processor;

import java.util.concurrent.CompletableFuture;

/**
 * A unit of work run on the processor thread. It answers through {@link CommandProcessor#reply},
 * now or later (long polling), never by completing the future itself, so that no answer leaves
 * before the state it reports is durable.
 */
@FunctionalInterface
public interface Command<R> {
  void execute(CompletableFuture<R> reply);
}
