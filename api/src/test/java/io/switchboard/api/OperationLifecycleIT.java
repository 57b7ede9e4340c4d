package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.switchboard.api.operation.OperationDispatcher;
import io.switchboard.api.operation.OperationRepairs;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.user.Role;
import io.switchboard.workflows.operation.OperationContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * An operation's state follows its process through the official client, whatever the process does;
 * operators repair it from /api/v1 alone; a target has one operation at a time; a start is never
 * lost nor doubled.
 */
class OperationLifecycleIT extends ApiIT {
  private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(8);

  @Autowired CamundaClient camunda;
  @Autowired OperationRepository operations;
  @Autowired OperationDispatcher dispatcher;
  @Autowired OperationRepairs repairs;

  String tenant;
  String site;
  String model;

  @BeforeEach
  void world() {
    tenant = newTenant(null);
    site = newSite(tenant);
    model = newModel();
  }

  @AfterAll
  static void stopClients() {
    CLIENTS.shutdownNow();
  }

  private String deploy(BpmnModelInstance model) {
    camunda.newDeployResourceCommand().addProcessModel(model, "p.bpmn").send().join();
    return model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).stream()
        .findFirst()
        .orElseThrow()
        .getId();
  }

  private String waitingProcess(String jobType) {
    return deploy(
        Bpmn.createExecutableProcess(unique("work"))
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(jobType).name("Do the work"))
            .endEvent("done")
            .done());
  }

  private String startOn(String process, String device) {
    return admin.create(
        "/api/v1/operations",
        Map.of("type", process, "target", Map.of("kind", "DEVICE", "id", device)));
  }

  private JsonNode awaitOperation(String id, Predicate<JsonNode> until) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> admin.get("/api/v1/operations/" + id).getBody(), until);
  }

  private static Predicate<JsonNode> state(String state) {
    return o -> state.equals(o.get("state").asText());
  }

  private ActivatedJob job(String type) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                camunda
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(1)
                    .requestTimeout(Duration.ofMillis(500))
                    .send()
                    .join()
                    .getJobs(),
            jobs -> !jobs.isEmpty())
        .get(0);
  }

  private String device() {
    return newDevice(tenant, site, model);
  }

  @Test
  void aProcessThatEndsMakesTheOperationCompletedWithItsResult() {
    String jobType = unique("work");
    String id = startOn(waitingProcess(jobType), device());
    JsonNode running =
        awaitOperation(id, o -> "Do the work".equals(o.path("currentStep").asText()));
    assertThat(running.get("state").asText()).isEqualTo("RUNNING");

    camunda
        .newCompleteCommand(job(jobType))
        .variables(Map.of(OperationContract.VAR_RESULT, Map.of("answer", 42)))
        .send()
        .join();

    JsonNode completed = awaitOperation(id, state("COMPLETED"));
    assertThat(completed.get("result").get("answer").asInt()).isEqualTo(42);
    assertThat(completed.get("finishedAt").isNull()).isFalse();
    assertThat(completed.get("steps").toString()).contains("\"elementId\":\"work\"");
  }

  @Test
  void aProcessThatReportsFailureMakesTheOperationFailedWithItsReason() {
    String process =
        deploy(
            Bpmn.createExecutableProcess(unique("fails"))
                .startEvent()
                .scriptTask(
                    "reason",
                    t ->
                        t.zeebeExpression(
                                "\"error: commit failed: (statements constraint check failed)\"")
                            .zeebeResultVariable(OperationContract.VAR_FAILURE_REASON))
                .scriptTask(
                    "outcome",
                    t ->
                        t.zeebeExpression("\"FAILED\"")
                            .zeebeResultVariable(OperationContract.VAR_OUTCOME))
                .endEvent()
                .done());

    JsonNode failed = awaitOperation(startOn(process, device()), state("FAILED"));

    assertThat(failed.get("error").asText())
        .isEqualTo("error: commit failed: (statements constraint check failed)");
  }

  @Test
  void aBpmnErrorCaughtByAFailurePathFailsTheOperationWithTheErrorsReason() {
    String jobType = unique("push");
    String process =
        deploy(
            Bpmn.createExecutableProcess(unique("esp"))
                .eventSubProcess(
                    "anyStepFailed",
                    e ->
                        e.startEvent("anyError")
                            .error()
                            .scriptTask(
                                "outcome",
                                t ->
                                    t.zeebeExpression("\"FAILED\"")
                                        .zeebeResultVariable(OperationContract.VAR_OUTCOME))
                            .endEvent())
                .startEvent()
                .serviceTask("push", t -> t.zeebeJobType(jobType))
                .endEvent()
                .done());
    String id = startOn(process, device());

    camunda
        .newThrowErrorCommand(job(jobType))
        .errorCode("COMMIT_FAILED")
        .variables(
            Map.of(
                OperationContract.VAR_FAILURE_REASON,
                "error: commit failed: (missing mandatory statement)"))
        .send()
        .join();

    JsonNode failed = awaitOperation(id, state("FAILED"));
    assertThat(failed.get("error").asText())
        .isEqualTo("error: commit failed: (missing mandatory statement)");
  }

  @Test
  void anIncidentShowsAsAttentionAndAnOperatorRetriesIt() {
    String jobType = unique("flaky");
    String id = startOn(waitingProcess(jobType), device());
    ActivatedJob job = job(jobType);
    camunda
        .newFailCommand(job)
        .retries(0)
        .errorMessage("connect timed out: 192.0.2.10:830")
        .send()
        .join();

    JsonNode attention =
        awaitOperation(id, o -> !o.path("attention").isNull() && o.has("attention"));
    assertThat(attention.get("state").asText()).isEqualTo("RUNNING");
    assertThat(attention.get("attention").get("elementId").asText()).isEqualTo("work");
    assertThat(attention.get("attention").get("message").asText())
        .isEqualTo("connect timed out: 192.0.2.10:830");
    assertThat(attention.get("incidents")).hasSize(1);

    ResponseEntity<JsonNode> retried = admin.post("/api/v1/operations/" + id + "/retry", null);
    assertThat(retried.getStatusCode().value()).isEqualTo(200);
    assertThat(retried.getBody().get("attention").isNull()).isTrue();

    camunda.newCompleteCommand(job(jobType)).send().join();
    awaitOperation(id, state("COMPLETED"));
  }

  @Test
  void retryWithoutAnIncidentIsAConflict() {
    String id = startOn(waitingProcess(unique("idle")), device());
    awaitOperation(id, state("RUNNING"));

    ResponseEntity<JsonNode> retried = admin.post("/api/v1/operations/" + id + "/retry", null);

    assertThat(retried.getStatusCode().value()).isEqualTo(409);
    assertThat(retried.getBody().get("detail").asText()).contains("no open incident");
  }

  @Test
  void cancellingFromTheApiCancelsTheProcessAndFreesTheTarget() {
    String jobType = unique("long");
    String device = device();
    String process = waitingProcess(jobType);
    String id = startOn(process, device);
    JsonNode running = awaitOperation(id, state("RUNNING"));

    ResponseEntity<JsonNode> cancelled = admin.post("/api/v1/operations/" + id + "/cancel", null);

    assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
    assertThat(cancelled.getBody().get("state").asText()).isEqualTo("CANCELLED");
    long key = Long.parseLong(running.get("processInstanceKey").asText());
    assertThat(camunda.newProcessInstanceGetRequest(key).send().join().getState().name())
        .isEqualTo("TERMINATED");
    assertThat(admin.post("/api/v1/operations/" + id + "/cancel", null).getStatusCode().value())
        .isEqualTo(409);
    startOn(process, device); // the device is free again
  }

  @Test
  void anInstanceCancelledOutsideSwitchboardMakesTheOperationCancelled() {
    String id = startOn(waitingProcess(unique("long")), device());
    long key =
        Long.parseLong(awaitOperation(id, state("RUNNING")).get("processInstanceKey").asText());

    camunda.newCancelInstanceCommand(key).send().join();

    awaitOperation(id, state("CANCELLED"));
  }

  @Test
  void aProcessThatEndedWhileSwitchboardWasNotWatchingIsReconciled() {
    String jobType = unique("quick");
    String process = waitingProcess(jobType);
    String device = device();
    // the engine ran the process to its end while no one recorded it (Switchboard was down)
    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(process)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    camunda.newCompleteCommand(job(jobType)).send().join();
    Operation stale = new Operation(tenant, process, "DEVICE", device, ADMIN);
    stale.started(key);
    String id = operations.save(stale).getId();

    awaitOperation(id, state("COMPLETED"));
  }

  @Test
  void aSecondOperationOnABusyDeviceIsRefusedNamingTheRunningOne() {
    String process = waitingProcess(unique("busy"));
    String device = device();
    String first = startOn(process, device);

    ResponseEntity<JsonNode> second =
        admin.post(
            "/api/v1/operations",
            Map.of("type", process, "target", Map.of("kind", "DEVICE", "id", device)));

    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody().get("detail").asText()).contains(first);
  }

  @Test
  void concurrentRequestsOnOneDeviceStartExactlyOneOperation() throws Exception {
    String process = waitingProcess(unique("race"));
    String device = device();
    List<Callable<Integer>> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      requests.add(
          () ->
              admin
                  .post(
                      "/api/v1/operations",
                      Map.of("type", process, "target", Map.of("kind", "DEVICE", "id", device)))
                  .getStatusCode()
                  .value());
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : CLIENTS.invokeAll(requests)) {
      statuses.add(f.get());
    }

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
  }

  @Test
  void anOperationLeftPendingByACrashStartsExactlyOnce() {
    String jobType = unique("after-crash");
    String process = waitingProcess(jobType);
    // committed, then the application died before it started the process
    Operation pending = operations.save(new Operation(tenant, process, "DEVICE", device(), ADMIN));

    awaitOperation(pending.getId(), state("RUNNING"));

    assertThat(instancesOf(process, pending.getId())).isEqualTo(1);
  }

  @Test
  void sweepsOfSeveralInstancesRacingForOnePendingOperationStartItsProcessOnce() throws Exception {
    // every instance sharing the database sweeps the pending operations; six sweep at once here
    String process = waitingProcess(unique("raced"));
    int sweepers = 6;
    for (int round = 0; round < 5; round++) {
      Operation pending =
          operations.save(new Operation(tenant, process, "DEVICE", device(), ADMIN));
      CyclicBarrier together = new CyclicBarrier(sweepers);
      List<Callable<Integer>> sweeps = new ArrayList<>();
      for (int i = 0; i < sweepers; i++) {
        sweeps.add(
            () -> {
              together.await();
              return dispatcher.sweep();
            });
      }
      for (Future<Integer> sweep : CLIENTS.invokeAll(sweeps)) {
        sweep.get();
      }

      JsonNode running = awaitOperation(pending.getId(), state("RUNNING"));
      assertThat(instancesOf(process, pending.getId())).isEqualTo(1);
      assertThat(running.get("processInstanceKey").asLong()).isPositive();
    }
  }

  @Test
  void aStartWhoseAnswerWasLostIsAdoptedNotRepeated() {
    String process = waitingProcess(unique("lost-answer"));
    Operation recorded = new Operation(tenant, process, "DEVICE", device(), ADMIN);
    // the engine created the instance, but the application died before it recorded the key
    long created =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(process)
            .latestVersion()
            .variables(Map.of(OperationContract.VAR_OPERATION_ID, recorded.getId()))
            .send()
            .join()
            .getProcessInstanceKey();
    Operation pending = operations.save(recorded);

    JsonNode running = awaitOperation(pending.getId(), state("RUNNING"));

    assertThat(running.get("processInstanceKey").asText()).isEqualTo(String.valueOf(created));
    assertThat(instancesOf(process, pending.getId())).isEqualTo(1);
  }

  private long instancesOf(String process, String operationId) {
    return camunda
        .newProcessInstanceSearchRequest()
        .filter(
            f ->
                f.processDefinitionId(process)
                    .variables(
                        Map.of(OperationContract.VAR_OPERATION_ID, "\"" + operationId + "\"")))
        .send()
        .join()
        .items()
        .size();
  }

  @Test
  void repairsAreScopedAndRoleChecked() {
    String id = startOn(waitingProcess(unique("scoped")), device());
    String otherTenant = newTenant(null);

    assertThat(
            user(Role.TENANT_OPERATOR, null, otherTenant)
                .post("/api/v1/operations/" + id + "/cancel", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            user(Role.TENANT_VIEWER, null, tenant)
                .post("/api/v1/operations/" + id + "/cancel", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            user(Role.TENANT_OPERATOR, null, tenant)
                .post("/api/v1/operations/" + id + "/cancel", null)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void variablesOverTheLimitOrSetBySwitchboardAreRefused() {
    String process = waitingProcess(unique("limits"));
    ResponseEntity<JsonNode> tooBig =
        admin.post(
            "/api/v1/operations",
            Map.of(
                "type",
                process,
                "target",
                Map.of("kind", "DEVICE", "id", device()),
                "variables",
                Map.of("blob", "x".repeat(70 * 1024))));
    ResponseEntity<JsonNode> reserved =
        admin.post(
            "/api/v1/operations",
            Map.of(
                "type",
                process,
                "target",
                Map.of("kind", "DEVICE", "id", device()),
                "variables",
                Map.of(OperationContract.VAR_TENANT_ID, tenant)));

    assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
    assertThat(tooBig.getBody().get("field").asText()).isEqualTo("variables");
    assertThat(reserved.getStatusCode().value()).isEqualTo(400);
    assertThat(reserved.getBody().get("field").asText()).isEqualTo("variables.tenantId");
  }

  @Test
  void aCancelThatReadTheOperationPendingWhileItsProcessStartedCancelsTheProcess() {
    String jobType = unique("starting");
    String process = waitingProcess(jobType);
    // what the cancel read: the operation still pending, its dispatch under way
    Operation readPending =
        operations.saveAndFlush(
            new Operation(tenant, process, Operation.TARGET_DEVICE, device(), ADMIN));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> operations.findById(readPending.getId()).orElseThrow().getState(),
            state -> state == OperationState.RUNNING);
    long key = operations.findById(readPending.getId()).orElseThrow().getProcessInstanceKey();

    Operation cancelled = repairs.cancel(readPending, ADMIN);

    assertThat(cancelled.getState()).isEqualTo(OperationState.CANCELLED);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> camunda.newProcessInstanceGetRequest(key).send().join().getState().name(),
            state -> state.equals("TERMINATED"));
  }
}
