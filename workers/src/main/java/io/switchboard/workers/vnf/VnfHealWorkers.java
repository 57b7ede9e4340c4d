package io.switchboard.workers.vnf;

import static io.switchboard.workers.vnf.VnfSteps.raise;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.vnf.VnfProcesses;
import io.switchboard.workflows.vnf.VnfVariables;
import org.springframework.stereotype.Component;

/**
 * The steps only a heal has (it shares wait-boot and health check with instantiation). A failed
 * step waits as an incident ({@link VnfSteps#run}): FAILED_TEMP until retry, rollback or fail.
 */
@Component
public class VnfHealWorkers {
  private final VnfSteps steps;
  private final VnfRecords records;
  private final VnfDevice device;
  private final DeviceDriver driver;

  public VnfHealWorkers(VnfSteps steps, VnfRecords records, VnfDevice device, DeviceDriver driver) {
    this.steps = steps;
    this.records = records;
    this.device = device;
    this.driver = driver;
  }

  /**
   * Heal, first step: what a heal can find missing is put back, nothing else is touched. The image
   * is copied again when absent or different; the configuration committed again when one of the
   * VNF's parts is gone from it (re-applying the intent changes only what is missing).
   */
  @JobWorker(type = VnfProcesses.JOB_RESTORE, timeout = VnfWorkers.BOOT_TIMEOUT_MILLIS)
  public void restore(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          records.enter(v.vnfLcmOpOccId(), LcmOperationState.PROCESSING);
          VnfInstance instance = records.instance(v.vnfInstanceId());
          VnfPackage vnfPackage = records.packageOf(instance);
          String path = VnfConfigRenderer.imagePath(instance.getName());
          if (!vnfPackage.getImageSha256().equalsIgnoreCase(steps.sha256OnDevice(job, v, path))) {
            steps.copyImage(job, v, instance, vnfPackage);
          }
          VnfConfigRenderer.Chain chain = records.chainOf(instance);
          if (!VnfConfigRenderer.isWhole(device.committedSet(v.targetId(), raise(job)), chain)) {
            driver.push(
                v.targetId(),
                VnfConfigRenderer.render(chain),
                CommitConfiguration.commit("vnf " + instance.getName() + " healed"),
                raise(job));
          }
          return null;
        });
  }

  @JobWorker(type = VnfProcesses.JOB_RESTART)
  public void restart(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          device.restart(v.targetId(), records.instance(v.vnfInstanceId()).getName(), raise(job));
          return null;
        });
  }
}
