package io.switchboard.workflows;

import static io.switchboard.workflows.campaign.FleetUpgrade.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.UserTask;
import io.switchboard.workflows.campaign.FleetUpgrade;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of fleet-upgrade.bpmn with the real device-upgrade called per device; the test plays
 * the workers of both.
 */
class FleetUpgradeIT extends ProcessPathIT {
  private String campaignId;

  @BeforeEach
  void deployFleet() {
    client.newDeployResourceCommand().addResourceFromClasspath(FleetUpgrade.RESOURCE).send().join();
    campaignId = UUID.randomUUID().toString();
  }

  private static List<Map<String, Object>> waves(int... sizes) {
    List<Map<String, Object>> waves = new java.util.ArrayList<>();
    int next = 1;
    for (int w = 0; w < sizes.length; w++) {
      int first = next;
      List<String> ids = IntStream.range(first, first + sizes[w]).mapToObj(i -> "d" + i).toList();
      next += sizes[w];
      waves.add(Map.of("number", w + 1, "deviceIds", ids));
    }
    return waves;
  }

  private long startCampaign(Map<String, Object> extra, List<Map<String, Object>> waves) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_CAMPAIGN_ID, campaignId);
    vars.put(VAR_TARGET_VERSION, "23.4R1");
    vars.put(VAR_MAX_FAILURE_PERCENT, 20);
    vars.put(VAR_CAMPAIGN_MAX_FAILURE_PERCENT, 100);
    vars.put(VAR_APPROVAL_REQUIRED, false);
    vars.put(VAR_PAUSED, false);
    vars.put(VAR_CANCEL_REQUESTED, false);
    vars.put(VAR_CAMPAIGN_FAILED, 0);
    vars.putAll(extra);
    ProcessInstanceEvent pi = start(PROCESS_ID, vars);
    long key = pi.getProcessInstanceKey();
    complete(JOB_VERIFY_IMAGE, key);
    int count = waves.stream().mapToInt(w -> ((List<?>) w.get("deviceIds")).size()).sum();
    complete(JOB_LOAD_WAVES, key, Map.of(VAR_WAVES, waves, VAR_DEVICE_COUNT, count));
    return key;
  }

  /** A job of this campaign: of its own instance, or of a device's upgrade when deviceId is set. */
  private ActivatedJob campaignJob(String type, String deviceId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                client
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(50)
                    // short: jobs of other devices activated alongside come back soon
                    .timeout(Duration.ofMillis(800))
                    .requestTimeout(Duration.ofMillis(300))
                    .send()
                    .join()
                    .getJobs()
                    .stream()
                    .filter(j -> ofThisCampaign(j, deviceId))
                    .findFirst()
                    .orElse(null),
            j -> j != null);
  }

  private boolean ofThisCampaign(ActivatedJob job, String deviceId) {
    Map<String, Object> v = job.getVariablesAsMap();
    return campaignId.equals(v.get(VAR_CAMPAIGN_ID))
        && (deviceId == null || deviceId.equals(v.get(OperationContract.VAR_TARGET_ID)));
  }

  private void noCampaignJob(String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(50)
            .timeout(Duration.ofMillis(500))
            .requestTimeout(Duration.ofMillis(400))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).noneMatch(j -> ofThisCampaign(j, null));
  }

  private ActivatedJob done(String type) {
    return done(type, Map.of());
  }

  private ActivatedJob done(String type, Map<String, Object> variables) {
    ActivatedJob job = campaignJob(type, null);
    client.newCompleteCommand(job).variables(variables).send().join();
    return job;
  }

  private void upgradeSucceeds(String deviceId) {
    completeDevice(DeviceUpgrade.JOB_PRECHECK, deviceId);
    completeDevice(DeviceUpgrade.JOB_VERIFY_SIGNATURE, deviceId);
    completeDevice(DeviceUpgrade.JOB_INSTALL_PACKAGE, deviceId);
    completeDevice(DeviceUpgrade.JOB_REBOOT, deviceId);
    client
        .newPublishMessageCommand()
        .messageName(DeviceUpgrade.MESSAGE_BACK_ONLINE)
        .correlationKey(FleetUpgrade.deviceCorrelationKey(operationId, deviceId))
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    completeDevice(DeviceUpgrade.JOB_POSTCHECK, deviceId);
  }

  private void upgradeFails(String deviceId) {
    ActivatedJob job = campaignJob(DeviceUpgrade.JOB_PRECHECK, deviceId);
    client
        .newThrowErrorCommand(job)
        .errorCode(DeviceUpgrade.ERROR_PRECHECK_FAILED)
        .errorMessage("only 12 MB free")
        .variables(Map.of(OperationContract.VAR_FAILURE_REASON, "only 12 MB free in /var/tmp"))
        .send()
        .join();
  }

  private void completeDevice(String type, String deviceId) {
    client.newCompleteCommand(campaignJob(type, deviceId)).send().join();
  }

  /** The wave's results as recorded, after the wave's devices have finished. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> recordedWave(int number) {
    ActivatedJob job = campaignJob(JOB_RECORD_WAVE, null);
    assertThat(job.getVariablesAsMap().get(VAR_WAVE_NUMBER)).isEqualTo(number);
    client.newCompleteCommand(job).send().join();
    return (List<Map<String, Object>>) job.getVariablesAsMap().get(VAR_WAVE_RESULTS);
  }

  private void waveStarted(int number) {
    ActivatedJob job = done(JOB_WAVE_STARTED);
    assertThat(job.getVariablesAsMap().get(VAR_WAVE_NUMBER)).isEqualTo(number);
  }

  private Map<String, Object> processVariables(long key) {
    Map<String, Object> vars = new HashMap<>();
    client
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(key).scopeKey(key))
        .send()
        .join()
        .items()
        .forEach(v -> vars.put(v.getName(), v.getValue()));
    return vars;
  }

  /** The campaign finished on its stop path: the finish job says how, the operation failed. */
  private Map<String, Object> stopped(long key) {
    ActivatedJob finish = done(JOB_FINISH);
    Map<String, Object> v = finish.getVariablesAsMap();
    assertThat(v.get(VAR_STOP_KIND)).isNotNull();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> processVariables(key).get(OperationContract.VAR_OUTCOME), "\"FAILED\""::equals);
    return v;
  }

  private void completed(long key) {
    ActivatedJob finish = done(JOB_FINISH);
    assertThat(finish.getVariablesAsMap().get(VAR_STOP_KIND)).isNull();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .send()
                    .join()
                    .items()
                    .get(0)
                    .getState()
                    .name(),
            "COMPLETED"::equals);
    // set at process level: a device's failed outcome in a called instance must not count
    assertThat(processVariables(key).get(OperationContract.VAR_OUTCOME)).isEqualTo("\"COMPLETED\"");
  }

  @Test
  void allWavesUpgradedWithSoakAndHealthGate() {
    long key = startCampaign(Map.of(VAR_SOAK_TIME, "PT0.2S"), waves(1, 2));
    waveStarted(1);
    upgradeSucceeds("d1");
    Map<String, Object> d1 = recordedWave(1).get(0);
    assertThat(d1).containsEntry("deviceId", "d1").containsEntry("result", "UPGRADED");
    assertThat(d1.get("message")).isNull();
    ActivatedJob health = done(JOB_HEALTH_GATE);
    assertThat(health.getVariablesAsMap().get(VAR_DEVICE_IDS)).isEqualTo(List.of("d1"));
    waveStarted(2);
    upgradeSucceeds("d2");
    upgradeSucceeds("d3");
    assertThat(recordedWave(2)).extracting(r -> r.get("result")).containsOnly("UPGRADED");
    done(JOB_HEALTH_GATE);
    completed(key);
  }

  @Test
  void aFailedCanaryStopsTheCampaignBeforeTheNextWave() {
    long key = startCampaign(Map.of(), waves(1, 2));
    waveStarted(1);
    upgradeFails("d1");
    List<Map<String, Object>> results = recordedWave(1);
    assertThat(results.get(0))
        .containsEntry("result", "FAILED")
        .containsEntry("message", "only 12 MB free in /var/tmp");
    Map<String, Object> finish = stopped(key);
    assertThat(finish.get(VAR_STOP_REASON).toString()).contains("wave 1: 1 of 1 devices failed");
    noCampaignJob(JOB_WAVE_STARTED);
  }

  @Test
  void aWaveOverItsBudgetStopsAndLeavesTheRestNotStarted() {
    long key = startCampaign(Map.of(), waves(1, 5, 1));
    waveStarted(1);
    upgradeSucceeds("d1");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    waveStarted(2);
    upgradeFails("d2");
    upgradeFails("d3");
    for (String d : List.of("d4", "d5", "d6")) {
      upgradeSucceeds(d);
    }
    recordedWave(2);
    assertThat(stopped(key).get(VAR_STOP_REASON).toString())
        .contains("wave 2: 2 of 5 devices failed, more than the budget of 20%");
    noCampaignJob(JOB_WAVE_STARTED);
  }

  @Test
  void aWaveExactlyAtItsBudgetGoesOn() {
    long key = startCampaign(Map.of(), waves(1, 5, 1));
    waveStarted(1);
    upgradeSucceeds("d1");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    waveStarted(2);
    upgradeFails("d2");
    for (String d : List.of("d3", "d4", "d5", "d6")) {
      upgradeSucceeds(d);
    }
    recordedWave(2);
    ActivatedJob health = done(JOB_HEALTH_GATE);
    assertThat(health.getVariablesAsMap().get(VAR_DEVICE_IDS))
        .isEqualTo(List.of("d3", "d4", "d5", "d6"));
    waveStarted(3);
    upgradeSucceeds("d7");
    recordedWave(3);
    done(JOB_HEALTH_GATE);
    completed(key);
  }

  @Test
  void theCampaignBudgetStopsWhenFailuresAddUpAcrossWaves() {
    long key =
        startCampaign(
            Map.of(VAR_MAX_FAILURE_PERCENT, 50, VAR_CAMPAIGN_MAX_FAILURE_PERCENT, 20),
            waves(2, 2, 1));
    waveStarted(1);
    upgradeFails("d1");
    upgradeSucceeds("d2");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    waveStarted(2);
    upgradeFails("d3");
    upgradeSucceeds("d4");
    recordedWave(2);
    assertThat(stopped(key).get(VAR_STOP_REASON).toString())
        .contains("2 of 5 devices failed, more than the campaign's budget of 20%");
  }

  private UserTask approvalTask(long key) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.processInstanceKey(key).elementId(ELEMENT_APPROVAL))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .filter(t -> t.getState().name().equals("CREATED"))
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  @Test
  void anApprovedWaveLetsTheNextStart() {
    long key =
        startCampaign(Map.of(VAR_APPROVAL_REQUIRED, true, VAR_APPROVER, "alice"), waves(1, 1));
    waveStarted(1);
    upgradeSucceeds("d1");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    UserTask task = approvalTask(key);
    assertThat(task.getAssignee()).isEqualTo("alice");
    Map<String, Object> taskVars = new HashMap<>();
    client
        .newUserTaskVariableSearchRequest(task.getUserTaskKey())
        .send()
        .join()
        .items()
        .forEach(v -> taskVars.put(v.getName(), v.getValue()));
    assertThat(taskVars).containsEntry(VAR_WAVE_NUMBER, "1").containsEntry("waveFailed", "0");
    noCampaignJob(JOB_WAVE_STARTED);
    client
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of(VAR_APPROVED, true, VAR_APPROVED_BY, "alice"))
        .send()
        .join();
    waveStarted(2);
    upgradeSucceeds("d2");
    recordedWave(2);
    done(JOB_HEALTH_GATE);
    // no approval after the last wave
    completed(key);
  }

  @Test
  void aRefusedApprovalStopsTheCampaign() {
    long key = startCampaign(Map.of(VAR_APPROVAL_REQUIRED, true), waves(1, 1));
    waveStarted(1);
    upgradeSucceeds("d1");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    UserTask task = approvalTask(key);
    assertThat(task.getAssignee()).isNull();
    client
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(
            Map.of(VAR_APPROVED, false, VAR_APPROVED_BY, "bob", VAR_APPROVAL_COMMENT, "BGP flaps"))
        .send()
        .join();
    assertThat(stopped(key).get(VAR_STOP_REASON))
        .isEqualTo("wave 2 was not approved by bob: BGP flaps");
    noCampaignJob(JOB_WAVE_STARTED);
  }

  @Test
  void aPausedCampaignWaitsBeforeItsNextWaveUntilResumed() {
    long key = startCampaign(Map.of(), waves(1, 1));
    waveStarted(1);
    client.newSetVariablesCommand(key).variables(Map.of(VAR_PAUSED, true)).send().join();
    upgradeSucceeds("d1");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    noCampaignJob(JOB_WAVE_STARTED);
    client.newSetVariablesCommand(key).variables(Map.of(VAR_PAUSED, false)).send().join();
    resumed();
    waveStarted(2);
    upgradeSucceeds("d2");
    recordedWave(2);
    done(JOB_HEALTH_GATE);
    completed(key);
  }

  /** The group of devices the wave starts now: the wave-started job's device ids. */
  @SuppressWarnings("unchecked")
  private List<String> groupStarted(int wave) {
    ActivatedJob job = done(JOB_WAVE_STARTED);
    assertThat(job.getVariablesAsMap().get(VAR_WAVE_NUMBER)).isEqualTo(wave);
    return (List<String>) job.getVariablesAsMap().get(VAR_DEVICE_IDS);
  }

  @Test
  void aPauseInsideAWaveLetsTheStartedDevicesFinishAndStartsTheRestOnResume() {
    long key = startCampaign(Map.of(VAR_MAX_PARALLEL, 2), waves(5));
    assertThat(groupStarted(1)).containsExactly("d1", "d2");
    // paused while d1 and d2 upgrade: they finish, d3 to d5 wait
    client.newSetVariablesCommand(key).variables(Map.of(VAR_PAUSED, true)).send().join();
    upgradeSucceeds("d1");
    upgradeFails("d2");
    assertThat(recordedWave(1))
        .extracting(r -> r.get("deviceId") + "=" + r.get("result"))
        .containsExactly("d1=UPGRADED", "d2=FAILED");
    noCampaignJob(JOB_WAVE_STARTED);
    noCampaignJob(DeviceUpgrade.JOB_PRECHECK);
    noCampaignJob(JOB_HEALTH_GATE);

    client.newSetVariablesCommand(key).variables(Map.of(VAR_PAUSED, false)).send().join();
    resumed();
    assertThat(groupStarted(1)).containsExactly("d3", "d4");
    upgradeSucceeds("d3");
    upgradeSucceeds("d4");
    recordedWave(1);
    assertThat(groupStarted(1)).containsExactly("d5");
    upgradeSucceeds("d5");
    recordedWave(1);
    // the wave's budget counts all of its groups: 1 of 5 failed is within 20 %
    ActivatedJob health = done(JOB_HEALTH_GATE);
    assertThat(health.getVariablesAsMap().get(VAR_DEVICE_IDS))
        .isEqualTo(List.of("d1", "d3", "d4", "d5"));
    completed(key);
  }

  /** How many times the instance entered the element (its element instances, any state). */
  private int entered(long key, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(key).elementId(elementId))
        .send()
        .join()
        .items()
        .size();
  }

  @Test
  void aWaveAlreadyOverItsBudgetStartsNoFurtherGroup() {
    long key = startCampaign(Map.of(VAR_MAX_PARALLEL, 2, VAR_MAX_FAILURE_PERCENT, 0), waves(5, 1));
    assertThat(groupStarted(1)).containsExactly("d1", "d2");
    upgradeFails("d1");
    // the rest of its group still finishes
    upgradeSucceeds("d2");
    recordedWave(1);
    Map<String, Object> finish = stopped(key);
    assertThat(finish.get(VAR_STOP_KIND)).isEqualTo(STOP_FAILED);
    assertThat(finish.get(VAR_STOP_REASON))
        .isEqualTo(
            "wave 1: 1 of 5 devices failed, more than the budget of 0%; 3 of its devices not"
                + " started");
    assertThat(entered(key, ELEMENT_WAVE_OVER_BUDGET_SO_FAR)).isEqualTo(1);
    // stopped before the next group: no further group started, no end-of-wave count
    assertThat(entered(key, "waveStarted")).isEqualTo(1);
    assertThat(entered(key, ELEMENT_WAVE_OVER_BUDGET)).isZero();
    noCampaignJob(JOB_WAVE_STARTED);
    noCampaignJob(DeviceUpgrade.JOB_PRECHECK);
    noCampaignJob(JOB_HEALTH_GATE);
  }

  @Test
  void aWaveWhoseFailuresSoFarEqualItsBudgetStartsItsNextGroups() {
    long key = startCampaign(Map.of(VAR_MAX_PARALLEL, 1), waves(5));
    assertThat(groupStarted(1)).containsExactly("d1");
    // 1 of 5 is exactly the 20 % budget: not exceeded
    upgradeFails("d1");
    recordedWave(1);
    for (String d : List.of("d2", "d3", "d4", "d5")) {
      assertThat(groupStarted(1)).containsExactly(d);
      upgradeSucceeds(d);
      recordedWave(1);
    }
    ActivatedJob health = done(JOB_HEALTH_GATE);
    assertThat(health.getVariablesAsMap().get(VAR_DEVICE_IDS))
        .isEqualTo(List.of("d2", "d3", "d4", "d5"));
    completed(key);
    assertThat(entered(key, ELEMENT_WAVE_OVER_BUDGET_SO_FAR)).isZero();
    assertThat(entered(key, "waveStarted")).isEqualTo(5);
  }

  @Test
  void theCampaignBudgetAlreadyExceededInsideAWaveStartsNoFurtherGroup() {
    long key =
        startCampaign(
            Map.of(
                VAR_MAX_PARALLEL,
                1,
                VAR_MAX_FAILURE_PERCENT,
                100,
                VAR_CAMPAIGN_MAX_FAILURE_PERCENT,
                20),
            waves(2, 5));
    // wave 1: 1 of 7 failed (14 %), within the campaign's 20 %
    assertThat(groupStarted(1)).containsExactly("d1");
    upgradeFails("d1");
    recordedWave(1);
    assertThat(groupStarted(1)).containsExactly("d2");
    upgradeSucceeds("d2");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    // wave 2: its first device fails, 2 of 7 (29 %) is over the campaign's budget
    assertThat(groupStarted(2)).containsExactly("d3");
    upgradeFails("d3");
    recordedWave(2);
    assertThat(stopped(key).get(VAR_STOP_REASON))
        .isEqualTo(
            "in wave 2: 2 of 7 devices failed, more than the campaign's budget of 20%; 4 of the"
                + " wave's devices not started");
    assertThat(entered(key, ELEMENT_CAMPAIGN_OVER_BUDGET_SO_FAR)).isEqualTo(1);
    noCampaignJob(JOB_WAVE_STARTED);
    noCampaignJob(DeviceUpgrade.JOB_PRECHECK);
  }

  @Test
  void aCancelInsideAWaveStartsNoFurtherGroup() {
    long key = startCampaign(Map.of(VAR_MAX_PARALLEL, 2), waves(5));
    assertThat(groupStarted(1)).containsExactly("d1", "d2");
    client
        .newSetVariablesCommand(key)
        .variables(Map.of(VAR_CANCEL_REQUESTED, true, VAR_CANCELLED_BY, "carol"))
        .send()
        .join();
    upgradeSucceeds("d1");
    upgradeSucceeds("d2");
    recordedWave(1);
    Map<String, Object> finish = done(JOB_FINISH).getVariablesAsMap();
    assertThat(finish.get(VAR_STOP_KIND)).isEqualTo(STOP_CANCELLED);
    assertThat(finish.get(VAR_STOP_REASON))
        .isEqualTo("cancelled by carol in wave 1, 3 of its devices not started");
    noCampaignJob(JOB_WAVE_STARTED);
    noCampaignJob(DeviceUpgrade.JOB_PRECHECK);
  }

  private void resumed() {
    client
        .newPublishMessageCommand()
        .messageName(MESSAGE_RESUMED)
        .correlationKey(operationId)
        .timeToLive(Duration.ofSeconds(10))
        .send()
        .join();
  }

  @Test
  void cancelMidWaveLetsTheStartedUpgradesFinishAndStartsNoMore() {
    long key = startCampaign(Map.of(VAR_MAX_FAILURE_PERCENT, 50), waves(2, 2));
    waveStarted(1);
    upgradeSucceeds("d1");
    client
        .newSetVariablesCommand(key)
        .variables(Map.of(VAR_CANCEL_REQUESTED, true, VAR_CANCELLED_BY, "carol"))
        .send()
        .join();
    // the device upgrade already under way finishes (here: fails and rolls back) after the cancel
    upgradeFails("d2");
    assertThat(recordedWave(1))
        .extracting(r -> r.get("result"))
        .containsExactly("UPGRADED", "FAILED");
    Map<String, Object> finish = done(JOB_FINISH).getVariablesAsMap();
    assertThat(finish.get(VAR_STOP_KIND)).isEqualTo(STOP_CANCELLED);
    assertThat(finish.get(VAR_STOP_REASON)).isEqualTo("cancelled by carol before wave 2");
    noCampaignJob(JOB_WAVE_STARTED);
    noCampaignJob(JOB_HEALTH_GATE);
  }

  @Test
  void cancellingAPausedCampaignEndsIt() {
    long key = startCampaign(Map.of(VAR_PAUSED, true), waves(1));
    noCampaignJob(JOB_WAVE_STARTED);
    client.newSetVariablesCommand(key).variables(Map.of(VAR_CANCEL_REQUESTED, true)).send().join();
    resumed();
    assertThat(stopped(key).get(VAR_STOP_KIND)).isEqualTo(STOP_CANCELLED);
  }

  @Test
  void noWaveStartsAfterTheMaintenanceWindowClosed() {
    Instant end = Instant.now().plusSeconds(2);
    long key = startCampaign(Map.of(VAR_WINDOW_END, end.toString()), waves(1, 1));
    waveStarted(1);
    upgradeSucceeds("d1");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(end));
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    assertThat(stopped(key).get(VAR_STOP_REASON).toString())
        .contains("the maintenance window closed")
        .contains("before wave 2");
    noCampaignJob(JOB_WAVE_STARTED);
  }

  @Test
  void theFirstWaveWaitsForTheWindowToOpen() {
    Instant start = Instant.now().plusSeconds(2);
    long key = startCampaign(Map.of(VAR_WINDOW_START, start.toString()), waves(1));
    ActivatedJob job = campaignJob(JOB_WAVE_STARTED, null);
    assertThat(Instant.now()).isAfterOrEqualTo(start);
    client.newCompleteCommand(job).send().join();
    upgradeSucceeds("d1");
    recordedWave(1);
    done(JOB_HEALTH_GATE);
    completed(key);
  }

  @Test
  void cancellingACampaignWaitingForItsWindowEndsItBeforeTheWindowOpens() {
    long key =
        startCampaign(
            Map.of(VAR_WINDOW_START, Instant.now().plusSeconds(3600).toString()), waves(1));
    noCampaignJob(JOB_WAVE_STARTED);
    client.newSetVariablesCommand(key).variables(Map.of(VAR_CANCEL_REQUESTED, true)).send().join();
    resumed();
    assertThat(stopped(key).get(VAR_STOP_KIND)).isEqualTo(STOP_CANCELLED);
    noCampaignJob(JOB_WAVE_STARTED);
  }

  @Test
  void aBadImageSignatureStopsTheCampaignBeforeAnyDevice() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_CAMPAIGN_ID, campaignId);
    long key = start(PROCESS_ID, vars).getProcessInstanceKey();
    ActivatedJob verify = campaignJob(JOB_VERIFY_IMAGE, null);
    client
        .newThrowErrorCommand(verify)
        .errorCode(ERROR_BAD_SIGNATURE)
        .errorMessage("signature does not verify")
        .variables(Map.of(OperationContract.VAR_FAILURE_REASON, "signature does not verify"))
        .send()
        .join();
    assertThat(stopped(key).get(VAR_STOP_REASON).toString())
        .contains("refused before any device saw it: signature does not verify");
    noCampaignJob(JOB_LOAD_WAVES);
  }

  @Test
  void anUnhealthyWaveStopsTheCampaign() {
    long key = startCampaign(Map.of(), waves(1, 1));
    waveStarted(1);
    upgradeSucceeds("d1");
    recordedWave(1);
    ActivatedJob health = campaignJob(JOB_HEALTH_GATE, null);
    client
        .newThrowErrorCommand(health)
        .errorCode(ERROR_HEALTH_GATE_FAILED)
        .errorMessage("d1: ge-0/0/0 is down")
        .variables(Map.of(OperationContract.VAR_FAILURE_REASON, "d1: ge-0/0/0 is down"))
        .send()
        .join();
    assertThat(stopped(key).get(VAR_STOP_REASON))
        .isEqualTo("wave 1 health gate: d1: ge-0/0/0 is down");
  }
}
