package io.switchboard.workflows;

import static io.switchboard.workflows.vnf.VnfProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every path of vnf-instantiation, vnf-termination and vnf-heal, the test playing the workers. */
class VnfLifecycleIT extends ProcessPathIT {

  @BeforeEach
  void deployVnf() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/" + INSTANTIATION + ".bpmn")
        .addResourceFromClasspath("bpmn/" + TERMINATION + ".bpmn")
        .addResourceFromClasspath("bpmn/" + HEAL + ".bpmn")
        .send()
        .join();
  }

  long instantiate() {
    return start(INSTANTIATION, Map.of(VAR_VNF_INSTANCE_ID, "vi-1", VAR_LCM_OP_OCC_ID, "occ-1"))
        .getProcessInstanceKey();
  }

  void completeUpTo(long pi, String... types) {
    for (String type : types) {
      complete(type, pi);
    }
  }

  String recordOutcome(long pi) {
    ActivatedJob job = job(JOB_RECORD_OUTCOME, pi);
    String outcome = (String) job.getVariablesAsMap().get(VAR_LCM_OUTCOME);
    client.newCompleteCommand(job).send().join();
    return outcome;
  }

  void ended(long pi) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .filter(f -> f.processInstanceKey(pi))
                    .send()
                    .join()
                    .items()
                    .get(0)
                    .getState()
                    .name()
                    .equals("COMPLETED"));
  }

  Object variable(long pi, String name) {
    return client
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(pi).name(name))
        .send()
        .join()
        .items()
        .stream()
        .findFirst()
        .map(v -> v.getValue())
        .orElse(null);
  }

  @Test
  void happyPathEndsInstantiated() {
    long pi = instantiate();
    completeUpTo(
        pi,
        JOB_VALIDATE,
        JOB_RESERVE_RESOURCES,
        JOB_TRANSFER_IMAGE,
        JOB_CONFIGURE,
        JOB_WAIT_BOOT,
        JOB_HEALTH_CHECK,
        JOB_CONFIRM);
    assertThat(recordOutcome(pi)).isEqualTo("COMPLETED");
    ended(pi);
    assertThat(variable(pi, "operationOutcome")).isNull();
  }

  @Test
  void resourcesShortUndoesNothingAndEndsRolledBack() {
    long pi = instantiate();
    complete(JOB_VALIDATE, pi);
    throwError(JOB_RESERVE_RESOURCES, pi, ERROR_STEP_FAILED, "not enough memory");
    assertThat(recordOutcome(pi)).isEqualTo("ROLLED_BACK");
    noJob(JOB_RELEASE_RESOURCES, pi);
    ended(pi);
    assertThat(variable(pi, "operationOutcome")).isEqualTo("\"FAILED\"");
  }

  @Test
  void corruptImageDeletesTheImageThenReleasesTheResources() {
    long pi = instantiate();
    completeUpTo(pi, JOB_VALIDATE, JOB_RESERVE_RESOURCES);
    throwError(JOB_TRANSFER_IMAGE, pi, ERROR_STEP_FAILED, "SHA-256 checksum mismatch");
    noJob(JOB_UNCONFIGURE, pi);
    completeUpTo(pi, JOB_DELETE_IMAGE, JOB_RELEASE_RESOURCES);
    assertThat(recordOutcome(pi)).isEqualTo("ROLLED_BACK");
    ended(pi);
  }

  @Test
  void aFailedConfigureRemovesWhateverMayHaveBeenCommittedBeforeTheImage() {
    long pi = instantiate();
    completeUpTo(pi, JOB_VALIDATE, JOB_RESERVE_RESOURCES, JOB_TRANSFER_IMAGE);
    throwError(JOB_CONFIGURE, pi, ERROR_STEP_FAILED, "rollback requested");
    noJob(JOB_DELETE_IMAGE, pi);
    completeUpTo(pi, JOB_UNCONFIGURE, JOB_DELETE_IMAGE, JOB_RELEASE_RESOURCES);
    assertThat(recordOutcome(pi)).isEqualTo("ROLLED_BACK");
    ended(pi);
  }

  @Test
  void bootTimeoutUndoesEveryEarlierStepInReverse() {
    long pi = instantiate();
    completeUpTo(pi, JOB_VALIDATE, JOB_RESERVE_RESOURCES, JOB_TRANSFER_IMAGE, JOB_CONFIGURE);
    throwError(JOB_WAIT_BOOT, pi, ERROR_STEP_FAILED, "VNF vsrx-1 did not boot within PT2M");
    noJob(JOB_DELETE_IMAGE, pi);
    complete(JOB_UNCONFIGURE, pi);
    noJob(JOB_RELEASE_RESOURCES, pi);
    complete(JOB_DELETE_IMAGE, pi);
    complete(JOB_RELEASE_RESOURCES, pi);
    assertThat(recordOutcome(pi)).isEqualTo("ROLLED_BACK");
    ended(pi);
  }

  @Test
  void anUnreachableDeviceRaisesAnIncidentAndARetryCompletes() {
    long pi = instantiate();
    completeUpTo(pi, JOB_VALIDATE, JOB_RESERVE_RESOURCES);
    client
        .newFailCommand(job(JOB_TRANSFER_IMAGE, pi))
        .retries(0)
        .errorMessage("device unreachable: connection refused")
        .send()
        .join();
    Incident incident = incident(pi);
    assertThat(incident.getErrorMessage()).contains("unreachable");
    client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    completeUpTo(
        pi, JOB_TRANSFER_IMAGE, JOB_CONFIGURE, JOB_WAIT_BOOT, JOB_HEALTH_CHECK, JOB_CONFIRM);
    assertThat(recordOutcome(pi)).isEqualTo("COMPLETED");
    ended(pi);
  }

  @Test
  void terminationRemovesConfigurationThenImageThenResources() {
    long pi =
        start(TERMINATION, Map.of(VAR_VNF_INSTANCE_ID, "vi-1", VAR_LCM_OP_OCC_ID, "occ-2"))
            .getProcessInstanceKey();
    completeUpTo(pi, JOB_UNCONFIGURE, JOB_DELETE_IMAGE, JOB_RELEASE_RESOURCES);
    assertThat(recordOutcome(pi)).isEqualTo("COMPLETED");
    ended(pi);
  }

  @Test
  void aFailedTerminationEndsFailed() {
    long pi =
        start(TERMINATION, Map.of(VAR_VNF_INSTANCE_ID, "vi-1", VAR_LCM_OP_OCC_ID, "occ-3"))
            .getProcessInstanceKey();
    throwError(JOB_UNCONFIGURE, pi, ERROR_STEP_FAILED, "commit failed");
    assertThat(recordOutcome(pi)).isEqualTo("FAILED");
    ended(pi);
    assertThat(variable(pi, "operationOutcome")).isEqualTo("\"FAILED\"");
  }

  long heal() {
    return start(HEAL, Map.of(VAR_VNF_INSTANCE_ID, "vi-1", VAR_LCM_OP_OCC_ID, "occ-4"))
        .getProcessInstanceKey();
  }

  /** Restore found nothing of the configuration missing: it committed nothing. */
  void restoredNothing(long pi) {
    complete(JOB_RESTORE, pi, Map.of(VAR_HEAL_COMMITTED_LINES, List.of()));
  }

  void restoredTheDefinition(long pi) {
    complete(
        JOB_RESTORE,
        pi,
        Map.of(
            VAR_HEAL_COMMITTED_LINES,
            List.of("set virtual-network-functions vsrx-1 virtual-cpu count 2")));
  }

  @Test
  void healRestoresRestartsWaitsForTheBootAndChecksHealth() {
    long pi = heal();
    restoredNothing(pi);
    completeUpTo(pi, JOB_RESTART, JOB_WAIT_BOOT, JOB_HEALTH_CHECK);
    noJob(JOB_CONFIRM, pi);
    assertThat(recordOutcome(pi)).isEqualTo("COMPLETED");
    ended(pi);
    assertThat(variable(pi, "operationOutcome")).isNull();
  }

  @Test
  void aHealThatCommittedConfirmsAfterTheHealthCheck() {
    long pi = heal();
    restoredTheDefinition(pi);
    completeUpTo(pi, JOB_RESTART, JOB_WAIT_BOOT, JOB_HEALTH_CHECK, JOB_CONFIRM);
    noJob(JOB_UNDO_RESTORE, pi);
    assertThat(recordOutcome(pi)).isEqualTo("COMPLETED");
    ended(pi);
    assertThat(variable(pi, "operationOutcome")).isNull();
  }

  @Test
  void aHealThatCommittedAndThenFailsUndoesItsCommitAndEndsRolledBack() {
    long pi = heal();
    restoredTheDefinition(pi);
    complete(JOB_RESTART, pi);
    throwError(JOB_WAIT_BOOT, pi, ERROR_STEP_FAILED, "VNF vsrx-1 did not boot within PT5S");
    noJob(JOB_HEALTH_CHECK, pi);
    noJob(JOB_CONFIRM, pi);
    complete(JOB_UNDO_RESTORE, pi);
    assertThat(recordOutcome(pi)).isEqualTo("ROLLED_BACK");
    ended(pi);
    assertThat(variable(pi, "operationOutcome")).isEqualTo("\"FAILED\"");
  }

  @Test
  void aHealWhoseConfirmationFailsUndoesItsCommit() {
    long pi = heal();
    restoredTheDefinition(pi);
    completeUpTo(pi, JOB_RESTART, JOB_WAIT_BOOT, JOB_HEALTH_CHECK);
    throwError(JOB_CONFIRM, pi, ERROR_STEP_FAILED, "error: commit failed");
    complete(JOB_UNDO_RESTORE, pi);
    assertThat(recordOutcome(pi)).isEqualTo("ROLLED_BACK");
    ended(pi);
  }

  @Test
  void aFailedHealStepWaitsAsAnIncidentAndARetryCarriesOn() {
    long pi = heal();
    restoredNothing(pi);
    client
        .newFailCommand(job(JOB_RESTART, pi))
        .retries(0)
        .errorMessage("error: virtual-network-function vsrx-1 does not exist")
        .send()
        .join();
    Incident incident = incident(pi);
    assertThat(incident.getErrorMessage()).contains("does not exist");
    client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    completeUpTo(pi, JOB_RESTART, JOB_WAIT_BOOT, JOB_HEALTH_CHECK);
    assertThat(recordOutcome(pi)).isEqualTo("COMPLETED");
    ended(pi);
  }

  @Test
  void aHealRolledBackFromAnyStepEndsRolledBackWithNothingElseRun() {
    long pi = heal();
    restoredNothing(pi);
    complete(JOB_RESTART, pi);
    throwError(JOB_WAIT_BOOT, pi, ERROR_STEP_FAILED, "rollback requested");
    noJob(JOB_HEALTH_CHECK, pi);
    noJob(JOB_UNDO_RESTORE, pi);
    assertThat(recordOutcome(pi)).isEqualTo("ROLLED_BACK");
    ended(pi);
    assertThat(variable(pi, "operationOutcome")).isEqualTo("\"FAILED\"");
  }

  /**
   * The fail endpoint takes the heal's undo path only from an incident on a forward step: those are
   * exactly the heal's steps with a VNF_STEP_FAILED boundary, which read rollbackRequested.
   */
  @Test
  void theHealsForwardStepsAreItsStepsThatCanThrowIntoTheUndo() throws Exception {
    Document bpmn;
    try (var in = getClass().getResourceAsStream("/bpmn/" + HEAL + ".bpmn")) {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      bpmn = factory.newDocumentBuilder().parse(in);
    }
    var boundaries = bpmn.getElementsByTagNameNS("*", "boundaryEvent");
    Set<String> withBoundary = new HashSet<>();
    for (int i = 0; i < boundaries.getLength(); i++) {
      withBoundary.add(((Element) boundaries.item(i)).getAttribute("attachedToRef"));
    }
    assertThat(withBoundary).isEqualTo(HEAL_FORWARD_STEPS);
  }
}
