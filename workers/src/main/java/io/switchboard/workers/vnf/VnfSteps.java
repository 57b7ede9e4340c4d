package io.switchboard.workers.vnf;

import static io.switchboard.workflows.vnf.VnfProcesses.ERROR_STEP_FAILED;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.FileCopy;
import io.switchboard.camel.junos.FilePut;
import io.switchboard.camel.junos.VnfStatus;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.Vnfd;
import io.switchboard.workers.device.OnFailure;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.vnf.VnfProcesses;
import io.switchboard.workflows.vnf.VnfVariables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What every VNF step shares: running a forward step (an operator's rollback request, the failure
 * recorded with the device's message), the image placed by signed link and checked, the VNF's state
 * on the device, and the failures the processes expect.
 */
@Component
class VnfSteps {
  private static final Duration UNDO_BACK_OFF = Duration.ofSeconds(2);

  private final VnfRecords records;
  private final VnfDevice device;
  private final ImageLinks links;

  VnfSteps(VnfRecords records, VnfDevice device, ImageLinks links) {
    this.records = records;
    this.device = device;
    this.links = links;
  }

  /** Copies the package's image to the device by a signed link and checks its SHA-256. */
  void copyImage(ActivatedJob job, VnfVariables v, VnfInstance instance, VnfPackage p) {
    String target = VnfConfigRenderer.imagePath(instance.getName());
    // a signed, expiring link: the device cannot log in, and the link is in no variable
    String source =
        links.linkFor(
            VnfPackage.IMAGE_LINK_PATH, p.getImageSha256(), instance.getName() + ".qcow2");
    device.copy(v.targetId(), new FileCopy(source, target), raise(job));
    String sha256 = device.sha256(v.targetId(), target, raise(job));
    if (!p.getImageSha256().equalsIgnoreCase(sha256)) {
      throw failure(
          "image "
              + target
              + " is corrupt on the device: SHA-256 "
              + sha256
              + ", the package's is "
              + p.getImageSha256());
    }
  }

  /**
   * Puts the instance's config drive where its configuration points (replacing what is there): an
   * ISO 9660 image holding its rendered day-0 configuration under the file name its VNFD gives and
   * cloud-init's {@code meta-data} beside it; nothing when its package has none. A placeholder
   * without a value here fails the step with its name.
   */
  void placeDay0(ActivatedJob job, VnfVariables v, VnfInstance instance) {
    Optional<String> day0;
    try {
      day0 = records.day0Of(instance);
    } catch (IllegalArgumentException e) {
      throw failure(e.getMessage());
    }
    if (day0.isEmpty()) {
      return;
    }
    byte[] drive =
        Iso9660Image.of(
            Map.of(
                records.day0FileOf(instance),
                day0.get().getBytes(StandardCharsets.UTF_8),
                META_DATA,
                metaData(instance).getBytes(StandardCharsets.UTF_8)),
            ZonedDateTime.now(ZoneOffset.UTC));
    device.put(
        v.targetId(),
        new FilePut(VnfConfigRenderer.day0Path(instance.getName()), drive),
        raise(job));
  }

  /**
   * cloud-init NoCloud's {@code meta-data} (YAML): the instance id, which cloud-init keys its
   * once-per-instance work on, so a heal's re-written drive (same id) is not a new instance, and
   * the host name. Names and ids are [a-z0-9-] (instance names are checked at create), so plain
   * scalars need no quoting.
   */
  static String metaData(VnfInstance instance) {
    return "instance-id: " + instance.getId() + "\nlocal-hostname: " + instance.getName() + "\n";
  }

  /** The file name of {@link #metaData} on the drive, as cloud-init's NoCloud source reads it. */
  static final String META_DATA = Vnfd.META_DATA_FILE;

  /** The file's SHA-256 on the device, null when there is no such file. */
  String sha256OnDevice(ActivatedJob job, VnfVariables v, String path) {
    try {
      return device.sha256(v.targetId(), path, raise(job));
    } catch (BpmnError refused) {
      if (refused.getMessage().contains("No such file")) {
        return null;
      }
      throw refused;
    }
  }

  VnfStatus statusOf(String deviceId, String name, ActivatedJob job) {
    List<VnfStatus> vnfs = device.vnfs(deviceId, raise(job));
    return vnfs.stream().filter(s -> name.equals(s.name())).findFirst().orElse(null);
  }

  /**
   * Runs a step of the forward path: an operator's rollback request turns a retried step into the
   * failure that starts the undo; a step's failure is recorded with the device's message.
   */
  <T> T run(ActivatedJob job, VnfVariables v, Supplier<T> body) {
    if (v.rollbackWanted()) {
      records.enter(v.vnfLcmOpOccId(), LcmOperationState.ROLLING_BACK);
      String previous = records.errorOf(v.vnfLcmOpOccId());
      throw CamundaError.bpmnError(
          ERROR_STEP_FAILED,
          previous != null && previous.startsWith("rollback requested")
              ? previous // the rollback endpoint said so already, with who and why
              : "rollback requested" + (previous == null ? "" : " after: " + previous),
          Map.of());
    }
    return recording(job, v, body);
  }

  private <T> T recording(ActivatedJob job, VnfVariables v, Supplier<T> body) {
    try {
      return body.get();
    } catch (BpmnError e) {
      records.error(v.vnfLcmOpOccId(), e.getMessage());
      if (VnfProcesses.HEAL.equals(job.getBpmnProcessId()) && !v.healCommitted()) {
        // a heal that committed nothing has nothing to undo: its failure waits for the operator
        // as an incident (FAILED_TEMP), who retries, rolls back (ends it) or fails it; one that
        // committed undoes its commit at once, as an instantiation does
        throw CamundaError.jobError(
            e.getMessage().replaceFirst("^\\[[A-Z_]+\\] ", ""), Map.of(), 0, null, e);
      }
      records.enter(v.vnfLcmOpOccId(), LcmOperationState.ROLLING_BACK);
      throw e;
    }
  }

  static RuntimeException retried(ActivatedJob job, BpmnError refused) {
    return CamundaError.jobError(
        refused.getMessage(), Map.of(), Math.max(0, job.getRetries() - 1), UNDO_BACK_OFF, refused);
  }

  static OnFailure raise(ActivatedJob job) {
    return OnFailure.raise(ERROR_STEP_FAILED, job);
  }

  static RuntimeException failure(String message) {
    return CamundaError.bpmnError(
        ERROR_STEP_FAILED, message, Map.of(OperationContract.VAR_FAILURE_REASON, message));
  }
}
