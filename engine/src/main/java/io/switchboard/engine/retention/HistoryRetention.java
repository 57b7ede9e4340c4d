package io.switchboard.engine.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the history of process instances that ended longer than the retention ago, so the read
 * model stops growing without limit. A periodic task, on its own thread (never the processor's): it
 * selects at most {@code batchSize} old instances, deletes their rows from every history table in
 * one transaction, and repeats while it finds full batches, up to {@link #MAX_BATCHES_PER_RUN} per
 * run. Ended instances are never written again, so this does not race the processor; the runtime
 * rows that outlive an instance (ended user tasks) are handed to {@code forgetRuntime}, which
 * removes them through the processor. Decision instances go with their process instance; those of
 * the evaluate decision command, which belong to none, once they are older than the retention.
 */
public final class HistoryRetention {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);
  static final int MAX_BATCHES_PER_RUN = 20;

  /** History tables holding rows per process instance (the instance's own row last). */
  private static final List<String> PER_INSTANCE_TABLES =
      List.of(
          "engine_history_element_instance",
          "engine_history_job",
          "engine_history_incident",
          "engine_history_variable",
          "engine_history_sequence_flow",
          "engine_history_message_subscription",
          "engine_history_decision_instance");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration retention;
  private final Duration interval;
  private final int batchSize;
  private final Consumer<List<Long>> forgetRuntime;
  private ScheduledExecutorService scheduler;

  /**
   * @param clock the engine's clock (a pinned clock moves what counts as old)
   * @param forgetRuntime removes runtime rows that outlive the given ended instances
   */
  public HistoryRetention(
      DataSource dataSource,
      Clock clock,
      Duration retention,
      Duration interval,
      int batchSize,
      Consumer<List<Long>> forgetRuntime) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
    this.retention = retention;
    this.interval = interval;
    this.batchSize = batchSize;
    this.forgetRuntime = forgetRuntime;
  }

  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "switchboard-engine-retention");
              thread.setDaemon(true);
              return thread;
            });
    long period = Math.max(1, interval.toMillis());
    scheduler.scheduleWithFixedDelay(this::runQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  private void runQuietly() {
    try {
      int removed = removeOld();
      if (removed > 0) {
        LOG.info(
            "History retention removed {} ended process instances and standalone decision"
                + " instances",
            removed);
      }
    } catch (RuntimeException e) {
      LOG.warn("History retention failed; it tries again in {}", interval, e);
    }
  }

  /**
   * One run: removes old ended instances, then old decision instances of no process instance, in
   * batches; answers how many of both it removed.
   */
  public int removeOld() {
    long before = clock.millis() - retention.toMillis();
    int instances =
        inBatches(
            "SELECT key_ FROM engine_history_process_instance"
                + " WHERE end_date IS NOT NULL AND end_date < ? ORDER BY end_date, key_ LIMIT ?",
            before,
            keys -> {
              // runtime leftovers first: if the delete then fails, the next run finds the keys
              forgetRuntime.accept(keys);
              transactions.executeWithoutResult(status -> delete(keys));
            });
    int evaluations =
        inBatches(
            "SELECT key_ FROM engine_history_decision_instance WHERE process_instance_key IS NULL"
                + " AND evaluation_date < ? ORDER BY evaluation_date, key_ LIMIT ?",
            before,
            keys ->
                jdbc.update(
                    "DELETE FROM engine_history_decision_instance WHERE key_ IN " + in(keys),
                    keys.toArray()));
    return instances + evaluations;
  }

  /** Selects ({@code before}, batch size) and removes keys until a batch is not full. */
  private int inBatches(String select, long before, Consumer<List<Long>> remove) {
    int removed = 0;
    for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      List<Long> keys = jdbc.queryForList(select, Long.class, before, batchSize);
      if (keys.isEmpty()) {
        break;
      }
      remove.accept(keys);
      removed += keys.size();
      if (keys.size() < batchSize) {
        break;
      }
    }
    return removed;
  }

  private static String in(List<Long> keys) {
    return "(" + String.join(",", java.util.Collections.nCopies(keys.size(), "?")) + ")";
  }

  private void delete(List<Long> keys) {
    String in = in(keys);
    Object[] args = keys.toArray();
    for (String table : PER_INSTANCE_TABLES) {
      jdbc.update("DELETE FROM " + table + " WHERE process_instance_key IN " + in, args);
    }
    jdbc.update("DELETE FROM engine_history_process_instance WHERE key_ IN " + in, args);
  }
}
