package io.switchboard.workers.campaign;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.switchboard.inventory.campaign.UpgradeCampaign;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.workers.upgrade.UpgradeImages;
import io.switchboard.workflows.campaign.FleetUpgrade;
import io.switchboard.workflows.campaign.FleetUpgradeVariables;
import io.switchboard.workflows.operation.OperationContract;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The campaign's own steps: its image, its waves, the health gate and its end. */
@Component
public class CampaignWorkers {
  private final CampaignRecords records;
  private final SoftwareImageRepository images;
  private final UpgradeImages verifier;
  private final HealthGate healthGate;

  public CampaignWorkers(
      CampaignRecords records,
      SoftwareImageRepository images,
      UpgradeImages verifier,
      HealthGate healthGate) {
    this.records = records;
    this.images = images;
    this.verifier = verifier;
    this.healthGate = healthGate;
  }

  /** The image must match its stored hash and a trusted signature before any device sees it. */
  @JobWorker(type = FleetUpgrade.JOB_VERIFY_IMAGE)
  public void verifyImage(@VariablesAsType FleetUpgradeVariables v) {
    UpgradeCampaign campaign = records.campaign(v.campaignId());
    verifier.verify(
        images
            .findById(campaign.getImageId())
            .orElseThrow(
                () ->
                    CamundaError.bpmnError(
                        FleetUpgrade.ERROR_BAD_SIGNATURE,
                        "the campaign's image is no longer in the catalogue",
                        Map.of(
                            OperationContract.VAR_FAILURE_REASON,
                            "the campaign's image is no longer in the catalogue"))));
  }

  @JobWorker(type = FleetUpgrade.JOB_LOAD_WAVES)
  public Map<String, Object> loadWaves(@VariablesAsType FleetUpgradeVariables v) {
    List<Map<String, Object>> waves = records.wavesOf(v.campaignId());
    int count =
        waves.stream().mapToInt(w -> ((List<?>) w.get(FleetUpgrade.VAR_DEVICE_IDS)).size()).sum();
    return Map.of(FleetUpgrade.VAR_WAVES, waves, FleetUpgrade.VAR_DEVICE_COUNT, count);
  }

  @JobWorker(type = FleetUpgrade.JOB_WAVE_STARTED)
  public void waveStarted(@VariablesAsType FleetUpgradeVariables v) {
    records.waveStarted(v.campaignId(), v.deviceIds());
  }

  @JobWorker(type = FleetUpgrade.JOB_RECORD_WAVE)
  public void recordWave(@VariablesAsType FleetUpgradeVariables v) {
    records.waveFinished(v.campaignId(), v.waveResults());
  }

  /** Raises HEALTH_GATE_FAILED naming every unhealthy device and what is wrong with it. */
  @JobWorker(type = FleetUpgrade.JOB_HEALTH_GATE)
  public void healthGate(@VariablesAsType FleetUpgradeVariables v) {
    UpgradeCampaign campaign = records.campaign(v.campaignId());
    List<String> problems = healthGate.problems(v.deviceIds(), campaign.getTargetVersion());
    if (!problems.isEmpty()) {
      String message = String.join("; ", problems);
      throw CamundaError.bpmnError(
          FleetUpgrade.ERROR_HEALTH_GATE_FAILED,
          message,
          Map.of(OperationContract.VAR_FAILURE_REASON, message));
    }
  }

  @JobWorker(type = FleetUpgrade.JOB_FINISH)
  public Map<String, Object> finish(@VariablesAsType FleetUpgradeVariables v) {
    return Map.of(
        OperationContract.VAR_RESULT, records.finish(v.campaignId(), v.stopKind(), v.stopReason()));
  }
}
