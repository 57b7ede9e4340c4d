package io.switchboard.engine.processor;

import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.store.EngineStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the engine's state, like a Zeebe partition's stream processor. Commands
 * queue up; the processor thread takes them in batches, applies each to the in-memory state, writes
 * the batch's changes to storage in one transaction and only then sends the answers. Batching is
 * what makes durable commits cheap: many commands share one database commit.
 */
public final class CommandProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_BATCH = 256;

  private record Pending<R>(Command<R> command, CompletableFuture<R> future) {
    void run() {
      command.execute(future);
    }
  }

  private record Scheduled(long dueAt, long sequence, Runnable task) {}

  private final EngineState state;
  private final EngineStore store;
  private final Clock clock;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private static final Comparator<Scheduled> BY_DUE =
      Comparator.comparingLong(Scheduled::dueAt).thenComparingLong(Scheduled::sequence);

  private final PriorityQueue<Scheduled> schedule = new PriorityQueue<>(BY_DUE);

  /** Request timeouts run on wall time (nanoTime), whatever the engine clock says. */
  private final PriorityQueue<Scheduled> requestTimeouts = new PriorityQueue<>(BY_DUE);

  private final List<Runnable> afterFlush = new ArrayList<>();

  /** Futures answered in the current batch, also those of earlier commands (long polls). */
  private final List<CompletableFuture<?>> answered = new ArrayList<>();

  private final List<Runnable> recoveryHooks = new ArrayList<>();
  private final List<Runnable> rejectionHooks = new ArrayList<>();
  private long scheduleSequence;
  private volatile BatchObserver observer = BatchObserver.NONE;
  private volatile boolean running;
  private Thread thread;

  public CommandProcessor(EngineState state, EngineStore store, Clock clock) {
    this.state = state;
    this.store = store;
    this.clock = clock;
  }

  public EngineState state() {
    return state;
  }

  public long now() {
    return clock.millis();
  }

  /** Registers work that re-creates schedules from state after a (re)load. */
  public void onLoad(Runnable hook) {
    recoveryHooks.add(hook);
  }

  /** Sets who watches each batch commit (metrics); one observer, replacing the previous. */
  public void observe(BatchObserver batchObserver) {
    this.observer = batchObserver == null ? BatchObserver.NONE : batchObserver;
  }

  /** Registers cleanup to run whenever a command is rejected part-way. */
  public void onRejection(Runnable hook) {
    rejectionHooks.add(hook);
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    store.load(state);
    recoveryHooks.forEach(Runnable::run);
    flushQuietly();
    running = true;
    thread = new Thread(this::loop, "switchboard-engine-processor");
    thread.setDaemon(true);
    thread.start();
  }

  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
    Pending<?> pending;
    while ((pending = queue.poll()) != null) {
      pending.future().completeExceptionally(EngineException.unavailable("The engine is stopping"));
    }
  }

  public boolean isRunning() {
    return running;
  }

  /** Queues a command; the future completes after the command's effects are durable. */
  public <R> CompletableFuture<R> submit(Command<R> command) {
    CompletableFuture<R> future = new CompletableFuture<>();
    if (!running) {
      future.completeExceptionally(EngineException.unavailable("The engine is not running"));
      return future;
    }
    queue.add(new Pending<>(command, future));
    return future;
  }

  /** Answers a command once the current batch is durable. Processor thread only. */
  public <R> void reply(CompletableFuture<R> future, R value) {
    afterFlush.add(() -> future.complete(value));
    answered.add(future);
  }

  /** Fails a command once the current batch is durable. Processor thread only. */
  public void fail(CompletableFuture<?> future, Throwable error) {
    afterFlush.add(() -> future.completeExceptionally(error));
    answered.add(future);
  }

  /** Runs {@code action} after the current batch is durable. Processor thread only. */
  public void afterFlush(Runnable action) {
    afterFlush.add(action);
  }

  /** Runs {@code task} on the processor thread at {@code dueAt}. Processor thread only. */
  public void schedule(long dueAt, Runnable task) {
    schedule.add(new Scheduled(dueAt, scheduleSequence++, task));
  }

  /**
   * Runs {@code task} on the processor thread after {@code delayMillis} of wall time: for request
   * timeouts (long polls, awaited results), which must end even while the engine clock is pinned.
   * Processor thread only.
   */
  public void scheduleRequestTimeout(long delayMillis, Runnable task) {
    requestTimeouts.add(
        new Scheduled(
            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis),
            scheduleSequence++,
            task));
  }

  private void loop() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        Pending<?> first = queue.poll(waitMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
        }
        processBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private long waitMillis() {
    long wait = 1_000;
    Scheduled next = schedule.peek();
    if (next != null) {
      wait = Math.min(wait, Math.max(0, next.dueAt - clock.millis()));
    }
    Scheduled timeout = requestTimeouts.peek();
    if (timeout != null) {
      wait =
          Math.min(
              wait, Math.max(0, TimeUnit.NANOSECONDS.toMillis(timeout.dueAt - System.nanoTime())));
    }
    return wait;
  }

  private void processBatch(List<Pending<?>> batch) {
    try {
      runDueTasks();
      for (Pending<?> pending : batch) {
        long changesBefore = state.changeCount();
        try {
          pending.run();
        } catch (EngineException rejection) {
          rejectionHooks.forEach(Runnable::run);
          if (state.changeCount() != changesBefore) {
            undoPartialRejection(batch, pending, rejection);
            return;
          }
          fail(pending.future(), rejection);
        }
      }
      observeQuietly(o -> o.beforeCommit(state, batch.size()));
      long commitStart = System.nanoTime();
      store.flush(state);
      long commitNanos = System.nanoTime() - commitStart;
      observeQuietly(o -> o.committed(batch.size(), commitNanos));
    } catch (RuntimeException | Error unexpected) {
      LOG.error(
          "Engine batch failed; reloading state from storage and rejecting the batch", unexpected);
      afterFlush.clear();
      rejectionHooks.forEach(Runnable::run);
      recover();
      EngineException failed =
          new EngineException(
              500, "INTERNAL", "The engine failed to process the command: " + unexpected);
      batch.forEach(pending -> pending.future().completeExceptionally(failed));
      // answers owed to earlier commands (a long poll served, an awaited result) are lost with
      // the batch: their callers learn it now instead of waiting for an answer that never comes
      answered.forEach(future -> future.completeExceptionally(failed));
      answered.clear();
      return;
    }
    answered.clear();
    List<Runnable> answers = new ArrayList<>(afterFlush);
    afterFlush.clear();
    for (Runnable answer : answers) {
      try {
        answer.run();
      } catch (RuntimeException e) {
        LOG.warn("Answering a command failed", e);
      }
    }
  }

  /**
   * A command refused after it had already changed the state (a check that came too late) cannot be
   * undone piece by piece: the whole batch is, by reloading the state from storage. The refused
   * command gets its refusal; the batch's other commands, applied in memory only and never
   * answered, are refused as unavailable so that their callers retry; answers owed to earlier
   * commands are failed as after a failed commit.
   */
  private void undoPartialRejection(
      List<Pending<?>> batch, Pending<?> refused, EngineException rejection) {
    LOG.error(
        "A command was refused after it had changed the engine's state ({}); reloading the state"
            + " and refusing its batch of {}",
        rejection.getMessage(),
        batch.size());
    afterFlush.clear();
    recover();
    EngineException undone =
        EngineException.unavailable(
            "The engine undid this command with another one that it refused part-way; retry");
    for (Pending<?> pending : batch) {
      pending.future().completeExceptionally(pending == refused ? rejection : undone);
    }
    answered.forEach(future -> future.completeExceptionally(undone));
    answered.clear();
  }

  /** An observer's failure is logged and never fails the batch it watches. */
  private void observeQuietly(Consumer<BatchObserver> call) {
    try {
      call.accept(observer);
    } catch (RuntimeException e) {
      LOG.warn("Batch observer failed: {}", e.toString());
    }
  }

  private void runDueTasks() {
    long now = clock.millis();
    while (!schedule.isEmpty() && schedule.peek().dueAt <= now) {
      schedule.poll().task().run();
    }
    long wall = System.nanoTime();
    while (!requestTimeouts.isEmpty() && requestTimeouts.peek().dueAt - wall <= 0) {
      requestTimeouts.poll().task().run();
    }
  }

  /** Reloads the state; request timeouts stay, for the callers still waiting (long polls). */
  private void recover() {
    schedule.clear();
    state.clear();
    try {
      store.load(state);
      recoveryHooks.forEach(Runnable::run);
    } catch (RuntimeException e) {
      LOG.error("Reloading engine state failed; the engine stops", e);
      running = false;
    }
  }

  private void flushQuietly() {
    store.flush(state);
    afterFlush.forEach(Runnable::run);
    afterFlush.clear();
    answered.clear();
  }

  /** For callers that want to run a read on the processor thread without changing state. */
  public <R> CompletableFuture<R> query(java.util.function.Supplier<R> read) {
    return submit(reply -> reply(reply, read.get()));
  }
}
