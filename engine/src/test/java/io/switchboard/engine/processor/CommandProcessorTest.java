package io.switchboard.engine.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Job;
import io.switchboard.engine.store.EngineStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
  private final EngineState state = new EngineState();
  private final CommandProcessor processor = new CommandProcessor(state, store, Clock.systemUTC());

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

  @Test
  void aCommandRefusedAfterItChangedTheStateLeavesNothingOfItsBatchBehind() throws Exception {
    processor.start();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> holding = holdProcessorUntil(release);
    CompletableFuture<String> innocent =
        processor.submit(
            reply -> {
              putJob(1);
              processor.reply(reply, "applied");
            });
    CompletableFuture<String> refusedLate =
        processor.submit(
            reply -> {
              putJob(2);
              throw EngineException.invalidArgument("checked too late");
            });
    release.countDown();
    assertThat(holding.get(5, TimeUnit.SECONDS)).isEqualTo("held");

    assertThatThrownBy(() -> refusedLate.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("checked too late");
    assertThatThrownBy(() -> innocent.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("retry");
    assertThat(
            processor
                .query(() -> state.jobs.contains(1) || state.jobs.contains(2))
                .get(5, TimeUnit.SECONDS))
        .isFalse();
  }

  @Test
  void aCommandRefusedBeforeItChangedAnythingLeavesTheRestOfItsBatchApplied() throws Exception {
    processor.start();
    CountDownLatch release = new CountDownLatch(1);
    holdProcessorUntil(release);
    CompletableFuture<String> applied =
        processor.submit(
            reply -> {
              putJob(1);
              processor.reply(reply, "applied");
            });
    CompletableFuture<String> refused =
        processor.submit(
            reply -> {
              throw EngineException.invalidArgument("checked first");
            });
    release.countDown();

    assertThat(applied.get(5, TimeUnit.SECONDS)).isEqualTo("applied");
    assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
        .hasMessageContaining("checked first");
    assertThat(processor.query(() -> state.jobs.contains(1)).get(5, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * Keeps the processor busy in a command of its own until {@code release}, so that the commands
   * submitted meanwhile are taken as one batch.
   */
  private CompletableFuture<String> holdProcessorUntil(CountDownLatch release) {
    CountDownLatch running = new CountDownLatch(1);
    CompletableFuture<String> holding =
        processor.submit(
            reply -> {
              running.countDown();
              awaitQuietly(release);
              processor.reply(reply, "held");
            });
    awaitQuietly(running);
    return holding;
  }

  private void putJob(long key) {
    Job job = new Job();
    job.key = key;
    state.jobs.put(key, job);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
