package io.switchboard.workers.vnf;

import static io.switchboard.workers.vnf.VnfSteps.raise;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.vnf.VnfProcesses;
import io.switchboard.workflows.vnf.VnfVariables;
import java.util.List;
import java.util.Map;
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
   * is copied again when absent or different; the configuration committed again, commit confirmed
   * (confirmed after the health check, as an instantiation does), when one of the VNF's parts is
   * gone from it. Re-applying the intent changes only what is missing: those statements are the
   * output {@link VnfProcesses#VAR_HEAL_COMMITTED_LINES}, what a failure later removes again.
   */
  @JobWorker(type = VnfProcesses.JOB_RESTORE, timeout = VnfWorkers.BOOT_TIMEOUT_MILLIS)
  public Map<String, Object> restore(ActivatedJob job, @VariablesAsType VnfVariables v) {
    return steps.run(
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
          // the day-0 file as the instance's chain renders it now (the VNF reads it at its restart)
          steps.placeDay0(job, v, instance);
          VnfConfigRenderer.Chain chain = records.chainOf(instance);
          String committed = device.committedSet(v.targetId(), raise(job));
          List<String> added = List.of();
          if (!VnfConfigRenderer.isWhole(committed, chain)) {
            String render = VnfConfigRenderer.render(chain);
            added = VnfConfigRenderer.absentFrom(committed, render);
            driver.push(
                v.targetId(),
                render,
                CommitConfiguration.confirmed(
                    VnfWorkers.CONFIRM_MINUTES, "vnf " + instance.getName() + " healed"),
                raise(job));
          }
          return Map.<String, Object>of(VnfProcesses.VAR_HEAL_COMMITTED_LINES, added);
        });
  }

  /**
   * A heal that committed and then failed: removes the statements it added (and with that commit
   * ends the pending confirmation), so the device is as the heal found it. Statements someone else
   * committed since stay; removing twice changes nothing. Like every undo it never throws a BPMN
   * error: a refusal waits as an incident.
   */
  @JobWorker(type = VnfProcesses.JOB_UNDO_RESTORE)
  public void undoRestore(ActivatedJob job, @VariablesAsType VnfVariables v) {
    VnfInstance instance = records.instance(v.vnfInstanceId());
    try {
      List<String> roots =
          v.healCommittedLines().stream().map(l -> l.strip().substring("set ".length())).toList();
      String removal =
          VnfConfigRenderer.removal(device.committedSet(v.targetId(), raise(job)), roots);
      if (!removal.isEmpty()) {
        driver.push(
            v.targetId(),
            removal,
            CommitConfiguration.commit("vnf " + instance.getName() + " heal rolled back"),
            raise(job));
      }
    } catch (BpmnError refused) {
      throw VnfSteps.retried(job, refused);
    }
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
