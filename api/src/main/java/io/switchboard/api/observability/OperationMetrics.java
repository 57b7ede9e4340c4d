package io.switchboard.api.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Operations per type and state ({@code switchboard.operations}, PENDING and RUNNING are what runs,
 * FAILED what failed since the database began) and running operations that need attention (an open
 * incident, {@code switchboard.operations.attention}), counted from the inventory every {@code
 * switchboard.metrics.operations-refresh} (15 s): so every instance reports the same numbers.
 */
@Component
public class OperationMetrics implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(OperationMetrics.class);

  private final OperationRepository operations;
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> byTypeAndState = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> attentionByType = new ConcurrentHashMap<>();
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "switchboard-operation-metrics");
            thread.setDaemon(true);
            return thread;
          });

  public OperationMetrics(
      OperationRepository operations,
      ObjectProvider<MeterRegistry> registry,
      @Value("${switchboard.metrics.operations-refresh:PT15S}") Duration refresh) {
    this.operations = operations;
    this.registry = registry.getIfAvailable();
    if (this.registry == null) {
      return; // no metrics in this application
    }
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.debug("Counting operations for metrics failed: {}", e.toString());
    }
  }

  /** Counts again now. */
  public void refresh() {
    if (registry == null) {
      return;
    }
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> attention = new HashMap<>();
    for (OperationRepository.OperationCount row : operations.countByTypeStateAndAttention()) {
      counts.merge(row.getType() + '\u0000' + row.getState().name(), row.getTotal(), Long::sum);
      if (row.isAttention() && !row.getState().isFinal()) {
        attention.merge(row.getType(), row.getTotal(), Long::sum);
      }
    }
    byTypeAndState.forEach((key, value) -> value.set(counts.getOrDefault(key, 0L)));
    counts.forEach(
        (key, count) ->
            byTypeAndState
                .computeIfAbsent(
                    key,
                    k -> {
                      String[] parts = k.split("\u0000", 2);
                      return gauge("switchboard.operations", parts[0], parts[1]);
                    })
                .set(count));
    for (String type : counts.keySet().stream().map(k -> k.split("\u0000", 2)[0]).toList()) {
      attentionByType.computeIfAbsent(
          type, t -> gauge("switchboard.operations.attention", t, null));
    }
    attentionByType.forEach((type, value) -> value.set(attention.getOrDefault(type, 0L)));
  }

  private AtomicLong gauge(String name, String type, String state) {
    AtomicLong value = new AtomicLong();
    var builder =
        Gauge.builder(name, value, AtomicLong::get)
            .description(
                state == null
                    ? "Running operations with an open incident, per type"
                    : "Operations per type and state")
            .tag("type", type);
    if (state != null) {
      builder.tag("state", state);
    }
    builder.register(registry);
    return value;
  }

  /** For tests: the current value, or -1 when no such gauge exists yet. */
  public long value(String type, OperationState state) {
    AtomicLong value = byTypeAndState.get(type + '\u0000' + state.name());
    return value == null ? -1 : value.get();
  }

  @Override
  public void destroy() {
    refresher.shutdownNow();
  }
}
