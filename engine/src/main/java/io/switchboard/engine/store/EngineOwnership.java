package io.switchboard.engine.store;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes this engine the only one on its tables ({@code engine_owner}, V9). The engine holds its
 * state in memory and writes it back batch by batch; a second engine on the same database would
 * write rows under the same keys with other contents, silently. Further application instances
 * therefore use the {@code camunda} profile against the one engine (docs/production.md).
 *
 * <p>A lease, not a held lock: the owner renews it every third of its lifetime and clears it when
 * it stops. A starting engine takes it when it is free or has expired (its owner was killed), and
 * waits for an expiry up to {@code wait}; a lease that another engine has taken over (this one
 * stalled past its expiry) ends this engine at once through {@code onLost}.
 */
public final class EngineOwnership {
  private static final Logger LOG = LoggerFactory.getLogger(EngineOwnership.class);
  private static final long POLL_MILLIS = 500;

  private final JdbcTemplate jdbc;
  private final Duration ttl;
  private final Duration wait;
  private final LongSupplier clock;
  private final String owner;
  private ScheduledExecutorService renewals;
  private volatile long expiresAt;

  public EngineOwnership(DataSource dataSource, Duration ttl, Duration wait) {
    this(dataSource, ttl, wait, System::currentTimeMillis, describeThisProcess());
  }

  EngineOwnership(
      DataSource dataSource, Duration ttl, Duration wait, LongSupplier clock, String owner) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.ttl = ttl;
    this.wait = wait;
    this.clock = clock;
    this.owner = owner;
  }

  /** Who this engine is in {@code engine_owner}: process, host and a per-start suffix. */
  public String owner() {
    return owner;
  }

  /**
   * Takes the lease, waiting up to {@code wait} for another owner's to expire, and renews it until
   * {@link #release()}.
   *
   * @param onLost run (once, on the renewal thread) when another engine has taken the lease over
   * @throws IllegalStateException naming the other owner when the lease stays taken
   */
  public synchronized void acquire(Runnable onLost) {
    long giveUpAt = clock.getAsLong() + wait.toMillis();
    while (!tryTake()) {
      if (clock.getAsLong() >= giveUpAt) {
        throw new IllegalStateException(
            "Another embedded engine runs on this database ("
                + currentOwner().orElse("unknown")
                + "). Only one instance may run the embedded engine on a database; further"
                + " instances use the camunda profile and point at it (docs/production.md).");
      }
      pause();
    }
    LOG.info("Embedded engine owns its tables as {}", owner);
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "engine-ownership");
              thread.setDaemon(true);
              return thread;
            });
    renewals = executor;
    long period = Math.max(1, ttl.toMillis() / 3);
    executor.scheduleWithFixedDelay(
        () -> renew(executor, onLost), period, period, TimeUnit.MILLISECONDS);
  }

  /** Gives the lease up, so that the next engine starts at once. */
  public synchronized void release() {
    if (renewals == null) {
      return;
    }
    renewals.shutdownNow();
    renewals = null;
    try {
      jdbc.update(
          "UPDATE engine_owner SET owner = NULL, expires_at = 0 WHERE id = 1 AND owner = ?", owner);
    } catch (DataAccessException e) {
      LOG.warn("Could not give up the engine's lease; it expires by itself: {}", e.getMessage());
    }
  }

  /** The owner recorded now, if any. */
  public Optional<String> currentOwner() {
    return jdbc
        .query("SELECT owner FROM engine_owner WHERE id = 1", (rs, n) -> rs.getString(1))
        .stream()
        .filter(o -> o != null)
        .findFirst();
  }

  private boolean tryTake() {
    long now = clock.getAsLong();
    int taken =
        jdbc.update(
            "UPDATE engine_owner SET owner = ?, expires_at = ? WHERE id = 1"
                + " AND (owner IS NULL OR owner = ? OR expires_at < ?)",
            owner,
            now + ttl.toMillis(),
            owner,
            now);
    if (taken == 1) {
      expiresAt = now + ttl.toMillis();
    }
    return taken == 1;
  }

  private void renew(ScheduledExecutorService executor, Runnable onLost) {
    long now = clock.getAsLong();
    if (executor.isShutdown()) {
      return; // released meanwhile
    }
    try {
      int renewed =
          jdbc.update(
              "UPDATE engine_owner SET expires_at = ? WHERE id = 1 AND owner = ?",
              now + ttl.toMillis(),
              owner);
      if (renewed == 1) {
        expiresAt = now + ttl.toMillis();
        return;
      }
      if (executor.isShutdown()) {
        return; // released while renewing
      }
      LOG.error(
          "The embedded engine's lease was taken over by {}; this engine stops",
          currentOwner().orElse("nobody"));
    } catch (DataAccessException e) {
      if (now < expiresAt) {
        LOG.warn("Renewing the engine's lease failed, will retry: {}", e.getMessage());
        return;
      }
      LOG.error("The engine's lease expired while its database was unreachable; it stops", e);
    }
    executor.shutdown();
    onLost.run();
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the engine's lease", e);
    }
  }

  private static String describeThisProcess() {
    // "pid@host" as the JVM names itself, and a suffix so that two starts never look alike
    return ManagementFactory.getRuntimeMXBean().getName()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
