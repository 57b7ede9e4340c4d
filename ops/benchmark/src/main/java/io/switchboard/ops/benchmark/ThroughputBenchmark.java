package io.switchboard.ops.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the engine as the official client sees it, shaped like Camunda's own stress test:
 * one service task per instance, a job worker that completes at once, instances created with a
 * bounded number in flight and each awaited for its result ({@code withResult}). Latency is from
 * sending the create command to receiving the instance's result. Runs for a fixed time and stops.
 */
public final class ThroughputBenchmark {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(30);

  private final CamundaClient client;
  private final Duration warmup;
  private final Duration duration;
  private final int concurrency;
  private final int maxJobsActive;
  private final String label;
  private final Duration pollInterval;
  private final LatencyRecorder latencies = new LatencyRecorder();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong jobErrors = new AtomicLong();
  private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

  private ThroughputBenchmark(CamundaClient client, Args args) {
    this.client = client;
    this.warmup = args.duration("warmup", Duration.ofSeconds(15));
    this.duration = args.duration("duration", Duration.ofSeconds(60));
    this.concurrency = args.integer("concurrency", 16);
    this.maxJobsActive = args.integer("max-jobs-active", 64);
    this.label = args.string("label", "");
    // Only the pause after a poll that found the worker's hands full or empty; every poll is a long
    // poll, so a short pause costs nothing when idle. The client's default (100 ms) delays the next
    // poll whenever the handler finished the jobs before the poll response was fully processed.
    this.pollInterval = args.duration("poll-interval", Duration.ofMillis(1));
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int concurrency = args.integer("concurrency", 16);
    try (CamundaClient client =
        Clients.rest(args, concurrency + 16, args.integer("worker-threads", 2))) {
      Clients.awaitHealthy(client, args.duration("startup-timeout", Duration.ofSeconds(120)));
      System.exit(new ThroughputBenchmark(client, args).run() ? 0 : 1);
    }
  }

  private boolean run() throws InterruptedException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String processId = "benchmark-" + suffix;
    String jobType = "benchmark-task-" + suffix;
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .serviceTask("task", t -> t.zeebeJobType(jobType))
            .endEvent("end")
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    System.out.printf(
        Locale.ROOT,
        "benchmark: process %s, concurrency %d, maxJobsActive %d, warmup %ds, measured %ds, load average %s%n",
        processId,
        concurrency,
        maxJobsActive,
        warmup.toSeconds(),
        duration.toSeconds(),
        Machine.loadAverage());

    try (JobWorker worker =
        client
            .newWorker()
            .jobType(jobType)
            .handler(
                (jobClient, job) ->
                    jobClient
                        .newCompleteCommand(job)
                        .send()
                        .whenComplete((ok, failure) -> countJobError(failure)))
            .name("benchmark-worker")
            .maxJobsActive(maxJobsActive)
            .timeout(Duration.ofSeconds(30))
            .pollInterval(pollInterval)
            .requestTimeout(Duration.ofSeconds(10))
            .streamEnabled(false)
            .open()) {
      return drive(processId);
    }
  }

  private boolean drive(String processId) throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    long begin = System.nanoTime();
    long measureFrom = begin + warmup.toNanos();
    long end = measureFrom + duration.toNanos();
    long nextReport = begin + TimeUnit.SECONDS.toNanos(5);
    long lastCompleted = 0;
    while (System.nanoTime() < end) {
      long now = System.nanoTime();
      if (now >= nextReport) {
        long done = completed.get();
        System.out.printf(
            Locale.ROOT,
            "  %3ds %s completed %d (+%d), errors %d%n",
            TimeUnit.NANOSECONDS.toSeconds(now - begin),
            now < measureFrom ? "warm-up " : "measured",
            done,
            done - lastCompleted,
            errors.get());
        lastCompleted = done;
        nextReport += TimeUnit.SECONDS.toNanos(5);
      }
      if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        continue;
      }
      long sentAt = System.nanoTime();
      started.incrementAndGet();
      try {
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .withResult()
            .requestTimeout(RESULT_TIMEOUT)
            .send()
            .whenComplete(
                (result, failure) -> {
                  long doneAt = System.nanoTime();
                  inFlight.release();
                  if (failure != null) {
                    countError(failure);
                  } else {
                    completed.incrementAndGet();
                    if (doneAt >= measureFrom && doneAt < end) {
                      latencies.record(doneAt - sentAt);
                    }
                  }
                });
      } catch (RuntimeException e) {
        inFlight.release();
        countError(e);
      }
    }
    // let the instances still in flight finish so that nothing is cut off mid-request
    inFlight.tryAcquire(concurrency, RESULT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    return report();
  }

  private boolean report() {
    long[] sorted = latencies.sorted();
    double seconds = duration.toNanos() / 1e9;
    double rate = sorted.length / seconds;
    double p50 = LatencyRecorder.percentileMillis(sorted, 50);
    double p90 = LatencyRecorder.percentileMillis(sorted, 90);
    double p99 = LatencyRecorder.percentileMillis(sorted, 99);
    double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    System.out.println();
    System.out.println(
        "Switchboard throughput benchmark" + (label.isEmpty() ? "" : " (" + label + ")"));
    System.out.printf(
        Locale.ROOT,
        "  cores                 %d (availableProcessors), nproc %s%n",
        Machine.availableProcessors(),
        Machine.nproc());
    System.out.printf(Locale.ROOT, "  load average (end)    %s%n", Machine.loadAverage());
    System.out.printf(
        Locale.ROOT,
        "  concurrency           %d instances in flight, worker maxJobsActive %d%n",
        concurrency,
        maxJobsActive);
    System.out.printf(
        Locale.ROOT,
        "  measured              %.0f s after %d s warm-up%n",
        seconds,
        warmup.toSeconds());
    System.out.printf(
        Locale.ROOT,
        "  completed instances   %d in the measured window (%d created, %d completed in all)%n",
        sorted.length,
        started.get(),
        completed.get());
    System.out.printf(Locale.ROOT, "  throughput            %.1f instances/s%n", rate);
    System.out.printf(
        Locale.ROOT,
        "  latency create->result p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        p50,
        p90,
        p99,
        max);
    System.out.printf(
        Locale.ROOT,
        "  errors                %d create, %d job completion%n",
        errors.get(),
        jobErrors.get());
    errorKinds.forEach((kind, count) -> System.out.printf("    %6d x %s%n", count.get(), kind));
    System.out.printf(
        Locale.ROOT,
        "RESULT label=%s cores=%d instances_per_s=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f"
            + " completed=%d errors=%d concurrency=%d%n",
        label.isEmpty() ? "-" : label,
        Machine.availableProcessors(),
        rate,
        p50,
        p90,
        p99,
        max,
        sorted.length,
        errors.get() + jobErrors.get(),
        concurrency);
    return sorted.length > 0;
  }

  private void countError(Throwable failure) {
    errors.incrementAndGet();
    errorKinds
        .computeIfAbsent(Clients.rootMessage(failure), k -> new AtomicLong())
        .incrementAndGet();
  }

  private void countJobError(Throwable failure) {
    if (failure != null) {
      jobErrors.incrementAndGet();
      errorKinds
          .computeIfAbsent("job completion: " + Clients.rootMessage(failure), k -> new AtomicLong())
          .incrementAndGet();
    }
  }
}
