package io.switchboard.ops.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.worker.JobWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Phase two of the crash check, against the restarted engine. Reads the journal, creates the
 * instances that the buffered messages were meant for, publishes the messages no instance got yet,
 * works all jobs, and passes only if every acknowledged instance reaches its last job within {@code
 * --wait}, with its journalled key, and every job that was activated at the crash is handed out
 * again.
 */
final class CrashVerify {
  private static final int IN_FLIGHT = 16;

  private final Args args;
  private final Path journalFile;
  private final Duration wait;
  private final Map<String, Long> reachedEnd = new ConcurrentHashMap<>();
  private final Set<Long> workJobs = ConcurrentHashMap.newKeySet();
  private final AtomicLong endDeliveries = new AtomicLong();
  private final List<String> problems = new ArrayList<>();

  CrashVerify(Args args) {
    this.args = args;
    this.journalFile = Path.of(args.required("journal"));
    this.wait = args.duration("wait", Duration.ofSeconds(240));
  }

  int run() throws Exception {
    CrashJournal.Contents journal = CrashJournal.read(journalFile);
    System.out.printf(
        "verify: journal has %d acknowledged instances, %d acknowledged messages, %d hoarded jobs%n",
        journal.instances().size(), journal.messages().size(), journal.hoarded().size());
    try (CamundaClient client = Clients.rest(args, 64, 2)) {
      Clients.awaitHealthy(client, Duration.ofSeconds(180));
      try (JobWorker work = openWorkWorker(client);
          JobWorker end = openEndWorker(client)) {
        Map<String, Long> expected = new LinkedHashMap<>(journal.instances());
        expected.putAll(createBufferedTargets(client, journal));
        publishMissingMessages(client, journal, expected);
        awaitEnds(expected);
        return summarize(journal, expected);
      }
    }
  }

  private JobWorker openWorkWorker(CamundaClient client) {
    return client
        .newWorker()
        .jobType(CrashCheckProcess.JOB_WORK)
        .handler(
            (jobClient, job) -> {
              workJobs.add(job.getKey());
              jobClient.newCompleteCommand(job).send();
            })
        .name("crash-verify")
        .timeout(Duration.ofSeconds(15))
        .maxJobsActive(32)
        .pollInterval(Duration.ofMillis(100))
        .requestTimeout(Duration.ofSeconds(5))
        .open();
  }

  private JobWorker openEndWorker(CamundaClient client) {
    return client
        .newWorker()
        .jobType(CrashCheckProcess.JOB_DONE)
        .handler(
            (jobClient, job) -> {
              endDeliveries.incrementAndGet();
              reachedEnd.put(
                  String.valueOf(job.getVariable(CrashCheckProcess.VAR_ID)),
                  job.getProcessInstanceKey());
              jobClient.newCompleteCommand(job).send();
            })
        .name("crash-verify")
        .timeout(Duration.ofSeconds(15))
        .fetchVariables(CrashCheckProcess.VAR_ID)
        .maxJobsActive(32)
        .pollInterval(Duration.ofMillis(100))
        .requestTimeout(Duration.ofSeconds(5))
        .open();
  }

  /** The instances the messages buffered before the crash are for; they must find their message. */
  private Map<String, Long> createBufferedTargets(
      CamundaClient client, CrashJournal.Contents journal) throws InterruptedException {
    Map<String, Long> created = new ConcurrentHashMap<>();
    List<String> ids =
        journal.messages().keySet().stream().filter(id -> id.startsWith("b-")).toList();
    bounded(
        ids,
        id ->
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(CrashCheckProcess.PROCESS_ID)
                    .latestVersion()
                    .variables(Map.of(CrashCheckProcess.VAR_ID, id))
                    .send()
                    .thenApply(instance -> created.put(id, instance.getProcessInstanceKey())),
        (id, failure) ->
            problem(
                "creating instance "
                    + id
                    + " after restart failed: "
                    + Clients.rootMessage(failure)));
    System.out.printf(
        "verify: created %d instances for messages buffered before the crash%n", created.size());
    return new LinkedHashMap<>(created);
  }

  private void publishMissingMessages(
      CamundaClient client, CrashJournal.Contents journal, Map<String, Long> expected)
      throws InterruptedException {
    List<String> ids =
        expected.keySet().stream().filter(id -> !journal.messages().containsKey(id)).toList();
    bounded(
        ids,
        id ->
            () ->
                client
                    .newPublishMessageCommand()
                    .messageName(CrashCheckProcess.MESSAGE)
                    .correlationKey(id)
                    .messageId(CrashCheckProcess.messageId(id))
                    .timeToLive(CrashCheckProcess.MESSAGE_TTL)
                    .send(),
        (id, failure) -> {
          // published before the crash without an answer, yet stored: it is there, as it should be
          if (!(failure.getCause() instanceof ProblemException p && p.code() == 409)
              && !(failure instanceof ProblemException q && q.code() == 409)) {
            problem(
                "publishing the message for " + id + " failed: " + Clients.rootMessage(failure));
          }
        });
    System.out.printf(
        "verify: published %d messages for instances that had none yet%n", ids.size());
  }

  private void awaitEnds(Map<String, Long> expected) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    long nextReport = System.nanoTime();
    while (System.nanoTime() < deadline && !reachedEnd.keySet().containsAll(expected.keySet())) {
      if (System.nanoTime() >= nextReport) {
        long reached = expected.keySet().stream().filter(reachedEnd::containsKey).count();
        System.out.printf(
            "verify: %d of %d instances reached their end%n", reached, expected.size());
        nextReport += TimeUnit.SECONDS.toNanos(10);
      }
      Thread.sleep(200);
    }
  }

  private int summarize(CrashJournal.Contents journal, Map<String, Long> expected) {
    List<String> missing = new ArrayList<>();
    expected.forEach(
        (id, key) -> {
          Long seen = reachedEnd.get(id);
          if (seen == null) {
            missing.add(id + " (process instance " + key + ")");
          } else if (seen.longValue() != key.longValue()) {
            problem("instance " + id + " was acknowledged as " + key + " but ended as " + seen);
          }
        });
    long unacknowledged =
        reachedEnd.keySet().stream().filter(id -> !expected.containsKey(id)).count();
    // activated at the crash for certain: still ACTIVATED when the last acknowledged command was
    // journalled
    long mustReturn = 0;
    List<Long> notReturned = new ArrayList<>();
    for (CrashJournal.Hoarded h : journal.hoarded().values()) {
      if (h.deadline() > journal.lastWriteMillis() + 2_000) {
        mustReturn++;
        if (!workJobs.contains(h.jobKey())) {
          notReturned.add(h.jobKey());
        }
      }
    }
    if (!notReturned.isEmpty()) {
      problem(
          "jobs activated at the crash never handed out again after their timeout: "
              + first(notReturned));
    }
    if (!missing.isEmpty()) {
      problem(
          missing.size()
              + " acknowledged instances did not reach their end within "
              + wait.toSeconds()
              + " s: "
              + first(missing));
      long[] acked =
          expected.keySet().stream()
              .filter(
                  id ->
                      !reachedEnd.containsKey(id)
                          && journal.instanceAcknowledgedAt().containsKey(id))
              .mapToLong(id -> journal.lastWriteMillis() - journal.instanceAcknowledgedAt().get(id))
              .sorted()
              .toArray();
      if (acked.length > 0) {
        problem(
            "the missing instances were acknowledged between "
                + acked[0]
                + " and "
                + acked[acked.length - 1]
                + " ms before the last acknowledgement before the crash");
      }
    }
    System.out.println();
    System.out.println("Crash check (verify after kill -9 and restart)");
    System.out.printf(
        Locale.ROOT,
        "  acknowledged before the crash  %d instances, %d messages%n",
        journal.instances().size(),
        journal.messages().size());
    System.out.printf(
        Locale.ROOT,
        "  created after restart          %d instances for messages buffered before the crash%n",
        expected.size() - journal.instances().size());
    System.out.printf(
        Locale.ROOT,
        "  reached their end              %d of %d expected%n",
        expected.keySet().stream().filter(reachedEnd::containsKey).count(),
        expected.size());
    System.out.printf(
        Locale.ROOT, "  created but unanswered at the crash, ran anyway  %d%n", unacknowledged);
    System.out.printf(
        Locale.ROOT,
        "  jobs activated at the crash    %d, handed out again after their timeout %d%n",
        mustReturn,
        mustReturn - notReturned.size());
    System.out.printf(
        Locale.ROOT,
        "  last-job deliveries            %d (at least once: duplicates allowed)%n",
        endDeliveries.get());
    problems.forEach(p -> System.out.println("  PROBLEM " + p));
    System.out.println(problems.isEmpty() ? "RESULT PASS" : "RESULT FAIL");
    return problems.isEmpty() ? 0 : 1;
  }

  /** Runs one call per id with at most {@value #IN_FLIGHT} in flight and waits for all of them. */
  private void bounded(
      List<String> ids,
      Function<String, Supplier<? extends CompletionStage<?>>> call,
      BiConsumer<String, Throwable> onFailure)
      throws InterruptedException {
    Semaphore permits = new Semaphore(IN_FLIGHT);
    for (String id : ids) {
      permits.acquire();
      try {
        call.apply(id)
            .get()
            .whenComplete(
                (ok, failure) -> {
                  if (failure != null) {
                    onFailure.accept(id, failure);
                  }
                  permits.release();
                });
      } catch (RuntimeException e) {
        onFailure.accept(id, e);
        permits.release();
      }
    }
    if (!permits.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
      problem("calls still unanswered after 60 s");
    }
  }

  private synchronized void problem(String text) {
    problems.add(text);
  }

  private static String first(List<?> items) {
    return items.size() <= 20
        ? items.toString()
        : items.subList(0, 20) + " and " + (items.size() - 20) + " more";
  }
}
