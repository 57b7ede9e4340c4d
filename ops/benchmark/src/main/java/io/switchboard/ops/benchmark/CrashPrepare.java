package io.switchboard.ops.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.worker.JobWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phase one of the crash check: keeps the engine busy with every kind of state it must carry across
 * a crash, and journals each command the engine acknowledged. Runs until it has created {@code
 * --count} instances or is stopped; the engine is killed underneath it on purpose, so failed calls
 * are counted and the loop goes on.
 *
 * <ul>
 *   <li>messages for instances that do not exist yet ({@code b-*}), buffered for their TTL;
 *   <li>instances {@code c-*}, created at {@code --rate} per second with {@code --concurrency} in
 *       flight; every second one gets its message right away (buffered until the instance reaches
 *       its message catch after the timer);
 *   <li>a worker completing {@code crash-check.work} jobs (job timeout 15 s), so instances sit at
 *       the timer and the message catch when the engine dies;
 *   <li>a hoarder activating two work jobs a second with a 30 s timeout and never completing them,
 *       so some are held at any moment of the crash.
 * </ul>
 */
final class CrashPrepare {
  static final Duration WORK_TIMEOUT = Duration.ofSeconds(15);
  static final Duration HOARD_TIMEOUT = Duration.ofSeconds(30);

  private final Args args;
  private final Path journalFile;
  private final int count;
  private final int rate;
  private final int concurrency;
  private final int buffered;
  private final int hoardLimit;
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong hoarded = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> lastFailure = new AtomicReference<>("");
  private final AtomicBoolean stopped = new AtomicBoolean();

  CrashPrepare(Args args) {
    this.args = args;
    this.journalFile = Path.of(args.required("journal"));
    this.count = args.integer("count", 100_000);
    this.rate = args.integer("rate", 150);
    this.concurrency = args.integer("concurrency", 8);
    this.buffered = args.integer("buffered", 20);
    this.hoardLimit = args.integer("hoard", 200);
  }

  int run() throws Exception {
    try (CamundaClient client = Clients.rest(args, concurrency + 16, 1);
        CrashJournal journal = CrashJournal.create(journalFile)) {
      Clients.awaitHealthy(client, Duration.ofSeconds(120));
      long definition =
          client
              .newDeployResourceCommand()
              .addProcessModel(CrashCheckProcess.model(), CrashCheckProcess.PROCESS_ID + ".bpmn")
              .send()
              .join()
              .getProcesses()
              .get(0)
              .getProcessDefinitionKey();
      System.out.println("prepare: deployed " + CrashCheckProcess.PROCESS_ID + " as " + definition);
      for (int i = 0; i < buffered; i++) {
        String id = "b-" + i;
        journal.message(id, publish(client, id).join().getMessageKey());
      }
      System.out.println(
          "prepare: published " + buffered + " messages for instances that do not exist yet");
      try (JobWorker worker =
          client
              .newWorker()
              .jobType(CrashCheckProcess.JOB_WORK)
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send())
              .name("crash-prepare")
              .timeout(WORK_TIMEOUT)
              .maxJobsActive(16)
              .pollInterval(Duration.ofMillis(100))
              .requestTimeout(Duration.ofSeconds(5))
              .open()) {
        Thread hoarder = new Thread(() -> hoard(client, journal), "crash-hoarder");
        hoarder.setDaemon(true);
        hoarder.start();
        create(client, journal);
        stopped.set(true);
      }
    }
    return 0;
  }

  private void create(CamundaClient client, CrashJournal journal) throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, rate);
    long next = System.nanoTime();
    long nextReport = next + TimeUnit.SECONDS.toNanos(2);
    for (int n = 0; n < count; n++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      next += interval;
      inFlight.acquire();
      String id = "c-" + n;
      boolean withMessage = n % 2 == 0;
      try {
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(CrashCheckProcess.PROCESS_ID)
            .latestVersion()
            .variables(Map.of(CrashCheckProcess.VAR_ID, id))
            .send()
            .whenComplete(
                (instance, failure) -> {
                  if (failure != null) {
                    failed(failure);
                    inFlight.release();
                    return;
                  }
                  journal.instance(id, instance.getProcessInstanceKey());
                  created.incrementAndGet();
                  if (!withMessage) {
                    inFlight.release();
                    return;
                  }
                  publish(client, id)
                      .whenComplete(
                          (message, error) -> {
                            if (error != null) {
                              failed(error);
                            } else {
                              journal.message(id, message.getMessageKey());
                              published.incrementAndGet();
                            }
                            inFlight.release();
                          });
                });
      } catch (RuntimeException e) {
        failed(e);
        inFlight.release();
      }
      if (System.nanoTime() >= nextReport) {
        report();
        nextReport += TimeUnit.SECONDS.toNanos(2);
      }
    }
    inFlight.tryAcquire(concurrency, 30, TimeUnit.SECONDS);
    report();
    System.out.println("prepare: reached --count " + count);
  }

  private CamundaFuture<PublishMessageResponse> publish(CamundaClient client, String id) {
    return client
        .newPublishMessageCommand()
        .messageName(CrashCheckProcess.MESSAGE)
        .correlationKey(id)
        .messageId(CrashCheckProcess.messageId(id))
        .timeToLive(CrashCheckProcess.MESSAGE_TTL)
        .send();
  }

  /**
   * Activates work jobs with a long timeout and never completes them: the engine must hand them out
   * again.
   */
  private void hoard(CamundaClient client, CrashJournal journal) {
    while (!stopped.get() && hoarded.get() < hoardLimit) {
      try {
        List<ActivatedJob> jobs =
            client
                .newActivateJobsCommand()
                .jobType(CrashCheckProcess.JOB_WORK)
                .maxJobsToActivate((int) Math.min(2, hoardLimit - hoarded.get()))
                .timeout(HOARD_TIMEOUT)
                .workerName("crash-hoarder")
                .fetchVariables(CrashCheckProcess.VAR_ID)
                .requestTimeout(Duration.ofSeconds(1))
                .send()
                .join()
                .getJobs();
        for (ActivatedJob job : jobs) {
          journal.hoarded(
              job.getKey(),
              String.valueOf(job.getVariable(CrashCheckProcess.VAR_ID)),
              job.getDeadline());
          hoarded.incrementAndGet();
        }
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failed(e);
        try {
          Thread.sleep(300);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void failed(Throwable failure) {
    failures.incrementAndGet();
    lastFailure.set(Clients.rootMessage(failure));
  }

  private void report() {
    System.out.printf(
        Locale.ROOT,
        "prepare: acknowledged %d instances, %d messages, %d jobs hoarded; %d failed calls%s%n",
        created.get(),
        published.get() + buffered,
        hoarded.get(),
        failures.get(),
        failures.get() == 0 ? "" : " (last: " + lastFailure.get() + ")");
  }
}
