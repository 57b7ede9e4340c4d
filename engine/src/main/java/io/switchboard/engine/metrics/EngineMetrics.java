package io.switchboard.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.switchboard.engine.processor.BatchObserver;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.EntityTable;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.Job;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded engine's Micrometer meters, fed on the processor thread from each batch's changed
 * rows (no extra call in the element behaviours): process instances created, completed and
 * terminated per process; open incidents; activatable jobs per type; how long a job waited from
 * activatable to activated; commands per batch and the batch's commit time. Gauges are recounted
 * from the whole state at most once per {@link #RECOUNT_INTERVAL}.
 */
public final class EngineMetrics implements BatchObserver {
  static final Duration RECOUNT_INTERVAL = Duration.ofSeconds(1);
  private static final int MAX_WAITING_TRACKED = 100_000;

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> activationTimers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> activatableByType = new ConcurrentHashMap<>();
  private final AtomicLong openIncidents = new AtomicLong();
  private final Map<Long, Long> activatableSince = new HashMap<>();
  private final DistributionSummary batchSize;
  private final Timer commitTimer;
  private long nextRecount;
  private boolean counted;

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("switchboard.engine.incidents.open", openIncidents, AtomicLong::get)
        .description("Incidents open in the embedded engine")
        .register(registry);
    batchSize =
        DistributionSummary.builder("switchboard.engine.batch.commands")
            .description("Commands processed per engine batch (one database commit)")
            .register(registry);
    commitTimer =
        Timer.builder("switchboard.engine.batch.commit")
            .description("Time to write one engine batch durably")
            .register(registry);
  }

  @Override
  public void beforeCommit(EngineState state, int commands) {
    processInstances(state.elementInstances);
    jobWaits(state.jobs);
    long now = System.nanoTime();
    if (!counted || now - nextRecount >= 0) {
      counted = true;
      nextRecount = now + RECOUNT_INTERVAL.toNanos();
      recount(state);
    }
  }

  @Override
  public void committed(int commands, long commitNanos) {
    if (commands > 0) {
      batchSize.record(commands);
      commitTimer.record(commitNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void processInstances(EntityTable<ElementInstance> table) {
    for (long key : table.changedKeys()) {
      ElementInstance row = table.get(key);
      EntityTable.Ended<ElementInstance> ended = table.ended(key);
      boolean isNew = !table.isStored(key);
      if (row != null && row.isProcessInstance() && isNew) {
        count("created", row.bpmnProcessId);
      } else if (row == null && ended != null && ended.row().isProcessInstance()) {
        if (isNew) {
          count("created", ended.row().bpmnProcessId);
        }
        count(
            "TERMINATED".equals(ended.reason()) ? "terminated" : "completed",
            ended.row().bpmnProcessId);
      }
    }
  }

  private void count(String event, String process) {
    counters
        .computeIfAbsent(
            event + '/' + process,
            k ->
                Counter.builder("switchboard.engine.process.instances")
                    .description("Process instances created, completed or terminated, per process")
                    .tag("process", process)
                    .tag("event", event)
                    .register(registry))
        .increment();
  }

  private void jobWaits(EntityTable<Job> table) {
    long now = System.nanoTime();
    for (long key : table.changedKeys()) {
      Job job = table.get(key);
      if (job != null) {
        activatableGauge(job.type);
      }
      if (job != null && job.state == Job.State.ACTIVATABLE) {
        if (activatableSince.size() < MAX_WAITING_TRACKED) {
          activatableSince.putIfAbsent(key, now);
        }
      } else {
        Long since = activatableSince.remove(key);
        if (job != null && job.state == Job.State.ACTIVATED) {
          if (since != null) {
            activationTimer(job.type).record(now - since, TimeUnit.NANOSECONDS);
          } else if (!table.isStored(key)) {
            // created and handed to a waiting worker within this batch
            activationTimer(job.type).record(0, TimeUnit.NANOSECONDS);
          }
        }
      }
    }
  }

  private AtomicLong activatableGauge(String type) {
    return activatableByType.computeIfAbsent(
        type,
        t -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("switchboard.engine.jobs.activatable", value, AtomicLong::get)
              .description("Jobs waiting for a worker, per job type")
              .tags(Tags.of("type", t))
              .register(registry);
          return value;
        });
  }

  private Timer activationTimer(String type) {
    return activationTimers.computeIfAbsent(
        type,
        t ->
            Timer.builder("switchboard.engine.job.activation.latency")
                .description("Time a job waited from activatable to activated by a worker")
                .tag("type", t)
                .register(registry));
  }

  private void recount(EngineState state) {
    long incidents = 0;
    for (Incident incident : state.incidents.all()) {
      if (incident.state == Incident.State.ACTIVE) {
        incidents++;
      }
    }
    openIncidents.set(incidents);
    Map<String, Long> byType = new HashMap<>();
    for (Job job : state.jobs.all()) {
      if (job.state == Job.State.ACTIVATABLE) {
        byType.merge(job.type, 1L, Long::sum);
      }
    }
    activatableByType.forEach((type, gauge) -> gauge.set(byType.getOrDefault(type, 0L)));
    byType.forEach((type, count) -> activatableGauge(type).set(count));
    if (activatableSince.size() >= MAX_WAITING_TRACKED) {
      activatableSince.keySet().removeIf(key -> !state.jobs.contains(key));
    }
  }
}
