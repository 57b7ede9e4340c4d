package io.switchboard.workflows;

import static io.switchboard.workflows.sdwan.SdwanRollout.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.sdwan.SdwanRollout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of sdwan-rollout.bpmn; the test plays the workers. */
class SdwanRolloutIT extends ProcessPathIT {
  CompletableFuture<ProcessInstanceResult> result;
  long pi;

  @BeforeEach
  void deployRollout() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath(SdwanRollout.RESOURCE)
        .addResourceFromClasspath(SdwanRollout.JOIN_RESOURCE)
        .addResourceFromClasspath(SdwanRollout.LEAVE_RESOURCE)
        .send()
        .join();
  }

  private void run() {
    run(PROCESS_ID);
  }

  private void run(String processId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OperationContract.VAR_OPERATION_ID, operationId);
    variables.put("overlayId", "ov-1");
    variables.put("serialNumber", serial);
    result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(variables)
            .withResult()
            .requestTimeout(Duration.ofSeconds(60))
            .send()
            .toCompletableFuture();
    pi = -1;
  }

  /** Plans one hub and the given batches of spokes. */
  private void plan(List<List<String>> batches) {
    complete(JOB_PLAN, pi, Map.of(VAR_HUB_SITE_IDS, List.of("hub"), VAR_SPOKE_BATCHES, batches));
  }

  /** Activates the {@code n} jobs of {@code type} that are open at once (a parallel batch). */
  private List<ActivatedJob> jobs(String type, int n) {
    List<ActivatedJob> all = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              all.addAll(
                  client
                      .newActivateJobsCommand()
                      .jobType(type)
                      .maxJobsToActivate(n - all.size())
                      .timeout(Duration.ofSeconds(30))
                      .requestTimeout(Duration.ofMillis(500))
                      .send()
                      .join()
                      .getJobs());
              return all.size() >= n;
            });
    return all;
  }

  private void completeAll(String type, int n, Map<String, Object> variables) {
    for (ActivatedJob job : jobs(type, n)) {
      client.newCompleteCommand(job).variables(variables).send().join();
    }
  }

  private Map<String, Object> end() {
    return result.join().getVariablesAsMap();
  }

  @Test
  void happyPathConfiguresHubsThenSpokesVerifiesConfirmsAndActivates() {
    run();
    plan(List.of(List.of("s1", "s2")));
    ActivatedJob hub = job(JOB_CONFIGURE_SITE, pi);
    assertThat(hub.getVariablesAsMap().get("siteId")).isEqualTo("hub");
    assertThat(hub.getCustomHeaders()).containsEntry("role", "hub");
    client.newCompleteCommand(hub).send().join();
    List<ActivatedJob> spokes = jobs(JOB_CONFIGURE_SITE, 2);
    assertThat(spokes)
        .extracting(j -> j.getVariablesAsMap().get("siteId"))
        .containsExactlyInAnyOrder("s1", "s2");
    spokes.forEach(j -> client.newCompleteCommand(j).send().join());
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, false));
    complete(JOB_VERIFY_TUNNELS, pi);
    complete(JOB_CONFIRM_SITES, pi);
    complete(JOB_ACTIVATE, pi, Map.of(OperationContract.VAR_RESULT, Map.of("tunnels", 2)));
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isNull();
  }

  @Test
  void aSpokeWhoseCommitFailsIsRecordedWithTheDevicesMessageAndTheRestGoOn() {
    run();
    plan(List.of(List.of("s1", "s2")));
    complete(JOB_CONFIGURE_SITE, pi);
    List<ActivatedJob> spokes = jobs(JOB_CONFIGURE_SITE, 2);
    client
        .newThrowErrorCommand(spokes.get(0))
        .errorCode(ERROR_SITE_FAILED)
        .errorMessage("commit failed")
        .variables(Map.of("failureReason", "error: Referenced IKE gateway 'x' is not defined"))
        .send()
        .join();
    client.newCompleteCommand(spokes.get(1)).send().join();
    ActivatedJob record = job(JOB_RECORD_SITE_FAILURE, pi);
    assertThat(record.getVariablesAsMap())
        .containsEntry("siteId", spokes.get(0).getVariablesAsMap().get("siteId"))
        .containsEntry("failureReason", "error: Referenced IKE gateway 'x' is not defined");
    client.newCompleteCommand(record).send().join();
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, false));
    complete(JOB_VERIFY_TUNNELS, pi);
    complete(JOB_CONFIRM_SITES, pi);
    complete(JOB_ACTIVATE, pi);
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isNull();
  }

  @Test
  void passingTheThresholdStopsTheBatchesAndUndoesEverySite() {
    run();
    plan(List.of(List.of("s1"), List.of("s2")));
    complete(JOB_CONFIGURE_SITE, pi);
    throwError(JOB_CONFIGURE_SITE, pi, ERROR_SITE_FAILED, "commit failed");
    complete(JOB_RECORD_SITE_FAILURE, pi);
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, true));
    complete(JOB_UNDO_SITES, pi);
    noJob(JOB_CONFIGURE_SITE, pi);
    complete(
        JOB_FAIL,
        pi,
        Map.of(
            OperationContract.VAR_OUTCOME,
            OperationContract.OUTCOME_FAILED,
            OperationContract.VAR_FAILURE_REASON,
            "THRESHOLD_PASSED"));
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isEqualTo("FAILED");
    noJob(JOB_VERIFY_TUNNELS, pi);
  }

  @Test
  void aRefusedHubUndoesAndFails() {
    run();
    plan(List.of(List.of("s1")));
    throwError(JOB_CONFIGURE_SITE, pi, ERROR_SITE_FAILED, "commit failed");
    complete(JOB_UNDO_SITES, pi);
    ActivatedJob fail = job(JOB_FAIL, pi);
    assertThat(fail.getCustomHeaders()).containsEntry("failure", "HUB_FAILED");
    client
        .newCompleteCommand(fail)
        .variables(Map.of(OperationContract.VAR_OUTCOME, "FAILED"))
        .send()
        .join();
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isEqualTo("FAILED");
  }

  @Test
  void anUnreachableDeviceRaisesAnIncidentThatAnOperatorResolves() {
    run();
    plan(List.of(List.of("s1")));
    ActivatedJob hub = job(JOB_CONFIGURE_SITE, pi);
    assertThat(hub.getRetries()).isEqualTo(3);
    client
        .newFailCommand(hub)
        .retries(0)
        .errorMessage("connect timed out: 192.0.2.10:830")
        .send()
        .join();
    var incident = incident(hub.getProcessInstanceKey());
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    client.newUpdateRetriesCommand(hub.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    complete(JOB_CONFIGURE_SITE, pi);
    complete(JOB_CONFIGURE_SITE, pi);
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, false));
    complete(JOB_VERIFY_TUNNELS, pi);
    complete(JOB_CONFIRM_SITES, pi);
    complete(JOB_ACTIVATE, pi);
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isNull();
  }

  @Test
  void tunnelsThatNeverComeUpAreRolledBack() {
    run();
    plan(List.of(List.of("s1")));
    complete(JOB_CONFIGURE_SITE, pi);
    complete(JOB_CONFIGURE_SITE, pi);
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, false));
    throwError(JOB_VERIFY_TUNNELS, pi, ERROR_TUNNELS_DOWN, "tunnel 1 down");
    complete(JOB_UNDO_SITES, pi);
    ActivatedJob fail = job(JOB_FAIL, pi);
    assertThat(fail.getCustomHeaders()).containsEntry("failure", "TUNNELS_DOWN");
    client
        .newCompleteCommand(fail)
        .variables(Map.of(OperationContract.VAR_OUTCOME, "FAILED"))
        .send()
        .join();
    noJob(JOB_CONFIRM_SITES, pi);
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isEqualTo("FAILED");
  }

  @Test
  void aPlanThatCannotBeMadeFailsAtOnce() {
    run();
    throwError(JOB_PLAN, pi, ERROR_PLAN_FAILED, "tunnel pool exhausted");
    complete(JOB_FAIL, pi, Map.of(OperationContract.VAR_OUTCOME, "FAILED"));
    noJob(JOB_CONFIGURE_SITE, pi);
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isEqualTo("FAILED");
  }

  @Test
  void aJoiningSiteIsConfiguredWithItsHubsVerifiedAndActivated() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_JOIN);
    plan(List.of(List.of("new-site")));
    complete(JOB_CONFIGURE_SITE, pi);
    ActivatedJob spoke = job(JOB_CONFIGURE_SITE, pi);
    assertThat(spoke.getVariablesAsMap().get("siteId")).isEqualTo("new-site");
    client.newCompleteCommand(spoke).send().join();
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, false));
    complete(JOB_VERIFY_TUNNELS, pi);
    complete(JOB_CONFIRM_SITES, pi);
    complete(JOB_ACTIVATE, pi);
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isNull();
  }

  @Test
  void aLeavingSiteIsClearedThenItsHubsLoseItsTunnelsAndTheOtherSpokesTheirRoutesToIt() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_LEAVE);
    complete(JOB_REMOVE_SITE, pi);
    complete(
        JOB_PLAN,
        pi,
        Map.of(VAR_HUB_SITE_IDS, List.of("hub"), VAR_SPOKE_BATCHES, List.of(List.of("s2", "s3"))));
    List<ActivatedJob> remaining = jobs(JOB_CONFIGURE_SITE, 3);
    assertThat(remaining)
        .extracting(j -> j.getVariablesAsMap().get("siteId"))
        .containsExactlyInAnyOrder("hub", "s2", "s3");
    remaining.forEach(j -> client.newCompleteCommand(j).send().join());
    complete(JOB_CONFIRM_SITES, pi);
    complete(JOB_ACTIVATE, pi);
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isNull();
  }

  /** Completes the fail-member step (asserting its failure kind) and expects no overlay failure. */
  private void failsOnlyTheMember(String kind) {
    ActivatedJob fail = job(JOB_FAIL_MEMBER, pi);
    assertThat(fail.getCustomHeaders()).containsEntry("failure", kind);
    client
        .newCompleteCommand(fail)
        .variables(Map.of(OperationContract.VAR_OUTCOME, "FAILED"))
        .send()
        .join();
    assertThat(end().get(OperationContract.VAR_OUTCOME)).isEqualTo("FAILED");
    noJob(JOB_FAIL, pi);
  }

  @Test
  void aJoiningSiteThatRefusesIsUndoneAndOnlyTheMemberFails() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_JOIN);
    plan(List.of(List.of("new-site")));
    complete(JOB_CONFIGURE_SITE, pi);
    throwError(JOB_CONFIGURE_SITE, pi, ERROR_SITE_FAILED, "commit failed");
    complete(JOB_RECORD_SITE_FAILURE, pi);
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, true));
    complete(JOB_UNDO_SITES, pi);
    failsOnlyTheMember("SITE_REFUSED");
    noJob(JOB_VERIFY_TUNNELS, pi);
  }

  @Test
  void aJoinWhoseHubRefusesIsUndoneAndOnlyTheMemberFails() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_JOIN);
    plan(List.of(List.of("new-site")));
    throwError(JOB_CONFIGURE_SITE, pi, ERROR_SITE_FAILED, "commit failed");
    complete(JOB_UNDO_SITES, pi);
    failsOnlyTheMember("HUB_FAILED");
  }

  @Test
  void aJoinWhoseTunnelsNeverComeUpIsUndoneAndOnlyTheMemberFails() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_JOIN);
    plan(List.of(List.of("new-site")));
    complete(JOB_CONFIGURE_SITE, pi);
    complete(JOB_CONFIGURE_SITE, pi);
    complete(JOB_CHECK_FAILURES, pi, Map.of(VAR_ABORT, false));
    throwError(JOB_VERIFY_TUNNELS, pi, ERROR_TUNNELS_DOWN, "tunnel 3 down");
    complete(JOB_UNDO_SITES, pi);
    failsOnlyTheMember("TUNNELS_DOWN");
    noJob(JOB_CONFIRM_SITES, pi);
  }

  @Test
  void aJoinThatCannotBePlannedFailsOnlyTheMember() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_JOIN);
    throwError(JOB_PLAN, pi, ERROR_PLAN_FAILED, "no common path label");
    failsOnlyTheMember("PLAN_FAILED");
    noJob(JOB_CONFIGURE_SITE, pi);
  }

  @Test
  void aLeaveWhoseHubRefusesUndoesTheHubsAndFailsOnlyTheMember() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_LEAVE);
    complete(JOB_REMOVE_SITE, pi);
    complete(JOB_PLAN, pi, Map.of(VAR_HUB_SITE_IDS, List.of("hub"), VAR_SPOKE_BATCHES, List.of()));
    throwError(JOB_CONFIGURE_SITE, pi, ERROR_SITE_FAILED, "commit failed");
    complete(JOB_UNDO_SITES, pi);
    failsOnlyTheMember("PEER_FAILED");
    noJob(JOB_CONFIRM_SITES, pi);
  }

  @Test
  void aLeavingSiteThatRefusesFailsBeforeAnyHubIsTouched() {
    run(io.switchboard.workflows.sdwan.SdwanProcesses.SITE_LEAVE);
    throwError(JOB_REMOVE_SITE, pi, ERROR_SITE_FAILED, "commit failed");
    failsOnlyTheMember("LEAVE_FAILED");
    noJob(JOB_PLAN, pi);
  }
}
