package io.switchboard.workers.vnf;

import static io.switchboard.workers.vnf.VnfSteps.failure;
import static io.switchboard.workers.vnf.VnfSteps.raise;
import static io.switchboard.workers.vnf.VnfSteps.retried;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.HostUsage;
import io.switchboard.camel.junos.VnfStatus;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageState;
import io.switchboard.inventory.vnf.Vnfd;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.vnf.VnfProcesses;
import io.switchboard.workflows.vnf.VnfVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of VNF instantiation and termination (and the wait and health check a heal shares). A
 * failed step records the device's message on the occurrence and throws {@link
 * VnfProcesses#ERROR_STEP_FAILED}, so the process undoes the steps before it; an unreachable device
 * is a job failure (retried, then an incident: FAILED_TEMP).
 */
@Component
public class VnfWorkers {
  /** Waiting for a boot holds the job: longer than any other VNF step. */
  static final long BOOT_TIMEOUT_MILLIS = 10 * 60 * 1000;

  /** How long a VNF's confirmed commit waits for its confirmation, in minutes (Junos default). */
  static final int CONFIRM_MINUTES = 10;

  private static final Duration POLL = Duration.ofMillis(500);

  private final VnfSteps steps;
  private final VnfRecords records;
  private final VnfDevice device;
  private final DeviceDriver driver;
  private final Duration defaultBootTimeout;

  public VnfWorkers(
      VnfSteps steps,
      VnfRecords records,
      VnfDevice device,
      DeviceDriver driver,
      @Value("${switchboard.vnf.boot-timeout:PT2M}") Duration defaultBootTimeout) {
    this.steps = steps;
    this.records = records;
    this.device = device;
    this.driver = driver;
    this.defaultBootTimeout = defaultBootTimeout;
  }

  @JobWorker(type = VnfProcesses.JOB_VALIDATE)
  public void validate(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          records.enter(v.vnfLcmOpOccId(), LcmOperationState.PROCESSING);
          VnfInstance instance = records.instance(v.vnfInstanceId());
          VnfPackage vnfPackage = records.packageOf(instance);
          if (vnfPackage.getState() != VnfPackageState.ONBOARDED) {
            throw failure(
                "package " + vnfPackage.getProductName() + " is " + vnfPackage.getState());
          }
          if (records.flavourOf(instance).isEmpty()) {
            throw failure("the package has no flavour " + instance.getFlavourId());
          }
          String model = records.modelOf(instance.getDeviceId());
          if (!model.toLowerCase().startsWith("nfx")) {
            throw failure("device model " + model + " is not a uCPE and cannot host VNFs");
          }
          return null;
        });
  }

  @JobWorker(type = VnfProcesses.JOB_RESERVE_RESOURCES)
  public void reserve(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          VnfInstance instance = records.instance(v.vnfInstanceId());
          Vnfd.Flavour flavour = records.flavourOf(instance).orElseThrow();
          HostUsage free = device.usage(v.targetId(), raise(job));
          boolean hugepages = flavour.hugepagesMib() > 0;
          if (flavour.vcpus() > free.freeVcpus()
              || (!hugepages && flavour.memoryMib() > free.freeMemoryMib())
              || (hugepages && flavour.hugepagesMib() > free.freeHugepagesMib())) {
            throw failure(
                "resources short on the uCPE: flavour "
                    + flavour.id()
                    + " needs "
                    + flavour.vcpus()
                    + " vCPUs and "
                    + (hugepages
                        ? flavour.hugepagesMib() + " MiB hugepages"
                        : flavour.memoryMib() + " MiB")
                    + ", the host has "
                    + free.freeVcpus()
                    + " vCPUs, "
                    + free.freeMemoryMib()
                    + " MiB and "
                    + free.freeHugepagesMib()
                    + " MiB hugepages free");
          }
          records.reserve(instance.getId(), flavour);
          return null;
        });
  }

  @JobWorker(type = VnfProcesses.JOB_RELEASE_RESOURCES)
  public void release(@VariablesAsType VnfVariables v) {
    records.release(v.vnfInstanceId());
  }

  @JobWorker(type = VnfProcesses.JOB_TRANSFER_IMAGE, timeout = BOOT_TIMEOUT_MILLIS)
  public void transfer(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          VnfInstance instance = records.instance(v.vnfInstanceId());
          steps.copyImage(job, v, instance, records.packageOf(instance));
          return null;
        });
  }

  /** Undo and termination: the image and the day-0 file go; a file already gone is fine. */
  @JobWorker(type = VnfProcesses.JOB_DELETE_IMAGE)
  public void deleteImage(ActivatedJob job, @VariablesAsType VnfVariables v) {
    String name = records.instance(v.vnfInstanceId()).getName();
    for (String path :
        List.of(VnfConfigRenderer.imagePath(name), VnfConfigRenderer.day0Path(name))) {
      try {
        device.delete(v.targetId(), path, raise(job));
      } catch (BpmnError refused) {
        if (!refused.getMessage().contains("No such file")) {
          throw retried(job, refused);
        }
        // already gone (or never there): nothing to delete
      }
    }
  }

  @JobWorker(type = VnfProcesses.JOB_CONFIGURE)
  public void configure(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          VnfInstance instance = records.instance(v.vnfInstanceId());
          // the config drive's file first: the commit check wants it on the device
          steps.placeDay0(job, v, instance);
          String commands = VnfConfigRenderer.render(records.chainOf(instance));
          driver.push(
              v.targetId(),
              commands,
              CommitConfiguration.confirmed(
                  CONFIRM_MINUTES, "vnf " + instance.getName() + " instantiate"),
              raise(job));
          return null;
        });
  }

  /** Undo and termination: removes exactly what configure added; twice changes nothing. */
  @JobWorker(type = VnfProcesses.JOB_UNCONFIGURE)
  public void unconfigure(ActivatedJob job, @VariablesAsType VnfVariables v) {
    VnfInstance instance = records.instance(v.vnfInstanceId());
    try {
      String committed = device.committedSet(v.targetId(), raise(job));
      String removal =
          VnfConfigRenderer.removal(
              committed,
              VnfConfigRenderer.ownedRoots(instance.getName(), instance.getWanVlan(), committed));
      if (!removal.isEmpty()) {
        driver.push(
            v.targetId(),
            removal,
            CommitConfiguration.commit("vnf " + instance.getName() + " removed"),
            raise(job));
      }
      // the statements are gone from the device: none of them is intended any more
      records.notIntended(instance.getId());
    } catch (BpmnError refused) {
      if (VnfProcesses.TERMINATION.equals(job.getBpmnProcessId())) {
        records.error(v.vnfLcmOpOccId(), refused.getMessage());
        throw refused;
      }
      // an undo has no way back: the device's refusal waits for an operator as an incident
      throw retried(job, refused);
    }
  }

  @JobWorker(type = VnfProcesses.JOB_WAIT_BOOT, timeout = BOOT_TIMEOUT_MILLIS)
  public void waitBoot(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          String name = records.instance(v.vnfInstanceId()).getName();
          Duration timeout =
              v.bootTimeout() == null ? defaultBootTimeout : Duration.parse(v.bootTimeout());
          Instant deadline = Instant.now().plus(timeout);
          while (true) {
            VnfStatus status = steps.statusOf(v.targetId(), name, job);
            if (status != null && status.isUp()) {
              return null;
            }
            if (status != null && "Crashed".equals(status.status())) {
              throw failure("VNF " + name + " is Crashed on the device");
            }
            if (Instant.now().isAfter(deadline)) {
              throw failure(
                  "VNF "
                      + name
                      + " did not boot within "
                      + timeout
                      + " (status "
                      + (status == null
                          ? "absent"
                          : status.status() + ", liveliness " + status.liveliness())
                      + ")");
            }
            try {
              Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted while waiting for the boot", e);
            }
          }
        });
  }

  @JobWorker(type = VnfProcesses.JOB_HEALTH_CHECK)
  public void healthCheck(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          String name = records.instance(v.vnfInstanceId()).getName();
          VnfStatus status = steps.statusOf(v.targetId(), name, job);
          if (status == null || !status.isUp()) {
            throw failure(
                "VNF "
                    + name
                    + " is not healthy: "
                    + (status == null ? "absent" : status.status() + "/" + status.liveliness()));
          }
          return null;
        });
  }

  @JobWorker(type = VnfProcesses.JOB_CONFIRM)
  public void confirm(ActivatedJob job, @VariablesAsType VnfVariables v) {
    steps.run(
        job,
        v,
        () -> {
          driver.commit(v.targetId(), CommitConfiguration.confirm(), raise(job));
          // confirmed: the VNF's configuration stays, and is what the uCPE should run from now on
          records.intended(v.vnfInstanceId(), v.operationId(), job.getProcessInstanceKey());
          return null;
        });
  }

  @JobWorker(type = VnfProcesses.JOB_RECORD_OUTCOME)
  public Map<String, Object> recordOutcome(ActivatedJob job, @VariablesAsType VnfVariables v) {
    // an operator's fail ends a heal by its undo path: what it undid aside, the outcome is FAILED
    LcmOperationState state =
        v.failWanted() ? LcmOperationState.FAILED : LcmOperationState.valueOf(v.lcmOutcome());
    // instantiate and heal leave the instance INSTANTIATED; terminate NOT_INSTANTIATED
    boolean instantiated = !VnfProcesses.TERMINATION.equals(job.getBpmnProcessId());
    records.finish(v.vnfLcmOpOccId(), v.vnfInstanceId(), state, instantiated);
    if (state == LcmOperationState.COMPLETED) {
      return Map.of(
          OperationContract.VAR_RESULT,
          Map.of(
              VnfProcesses.VAR_VNF_INSTANCE_ID, v.vnfInstanceId(), "operationState", "COMPLETED"));
    }
    String error = records.errorOf(v.vnfLcmOpOccId());
    String reason =
        (state == LcmOperationState.ROLLED_BACK ? "rolled back: " : "failed: ")
            + (error != null
                ? error
                : v.failureReason() != null ? v.failureReason() : "a step failed");
    return Map.of(OperationContract.VAR_FAILURE_REASON, reason);
  }
}
