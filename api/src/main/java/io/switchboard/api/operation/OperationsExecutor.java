package io.switchboard.api.operation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one thread that talks to the engine on behalf of operations: starts (dispatcher) and state
 * reads (tracker) run on it one after another, so a request thread never waits for the engine while
 * it holds a database connection, and two starts of one operation never race.
 */
@Component
public class OperationsExecutor implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(OperationsExecutor.class);

  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "operations");
            t.setDaemon(true);
            return t;
          });
  private final Duration interval;
  private final boolean enabled;
  private final OperationsTick tick;
  private volatile boolean running;

  public OperationsExecutor(
      @Value("${switchboard.operations.poll-interval:PT1S}") Duration interval,
      // off: operations are recorded but never started nor followed (crash tests, maintenance)
      @Value("${switchboard.operations.enabled:true}") boolean enabled,
      OperationsTick tick) {
    this.interval = interval;
    this.enabled = enabled;
    this.tick = tick;
  }

  /** Runs {@code task} on the operations thread; failures are logged, never thrown. */
  public void submit(Runnable task) {
    if (!running || !enabled) {
      return; // the first tick after a start picks pending work up
    }
    thread.execute(guarded(task));
  }

  @Override
  public void start() {
    running = true;
    if (enabled) {
      thread.scheduleWithFixedDelay(
          guarded(tick::run), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    running = false;
    thread.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the Camunda client and the web server: the engine must answer before the first tick. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("Operations work failed, retrying at the next tick: {}", e.toString());
      }
    };
  }
}
