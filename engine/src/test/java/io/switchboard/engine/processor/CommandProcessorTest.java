package io.switchboard.engine.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.store.EngineStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch whose commit fails loses its answers with it; callers still waiting from earlier batches
 * (a long poll served by this batch, a long poll's or an awaited result's deadline) must hear of
 * it, never wait for ever. The store stands in for a database whose commit fails once.
 */
class CommandProcessorTest {
  /** Storage whose next flush fails when asked to, as a lost database connection does. */
  private static final class FailingOnceStore implements EngineStore {
    volatile boolean failNext;

    @Override
    public void load(EngineState state) {}

    @Override
    public void flush(EngineState state) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("commit failed");
      }
    }
  }

  private final FailingOnceStore store = new FailingOnceStore();
  private final CommandProcessor processor =
      new CommandProcessor(new EngineState(), store, Clock.systemUTC());

  @AfterEach
  void stop() {
    processor.stop();
  }

  @Test
  void anAnswerOwedToAnEarlierCommandFailsWithTheBatchInsteadOfNeverComing() throws Exception {
    processor.start();
    AtomicReference<CompletableFuture<String>> parked = new AtomicReference<>();
    CompletableFuture<String> longPoll = processor.submit(parked::set);
    processor.query(() -> "earlier batch done").get(5, TimeUnit.SECONDS);

    store.failNext = true;
    CompletableFuture<String> serving =
        processor.submit(
            reply -> {
              processor.reply(parked.get(), "a job");
              processor.reply(reply, "served");
            });

    assertThatThrownBy(() -> serving.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EngineException.class);
    assertThatThrownBy(() -> longPoll.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EngineException.class);
  }

  @Test
  void aRequestDeadlineSetBeforeAFailedBatchStillEndsItsRequest() throws Exception {
    processor.start();
    CompletableFuture<String> longPoll =
        processor.submit(
            reply ->
                processor.scheduleRequestTimeout(300, () -> processor.reply(reply, "no jobs")));
    processor.query(() -> "earlier batch done").get(5, TimeUnit.SECONDS);

    store.failNext = true;
    CompletableFuture<String> failing = processor.submit(reply -> processor.reply(reply, "x"));
    assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(EngineException.class);

    assertThat(longPoll.get(5, TimeUnit.SECONDS)).isEqualTo("no jobs");
  }
}
