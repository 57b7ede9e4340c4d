package io.switchboard.workers.vnf;

import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.vnf.LcmOperation;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfInstanceRepository;
import io.switchboard.inventory.vnf.VnfInstanceState;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import io.switchboard.inventory.vnf.VnfLcmOpOccRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Instances instantiated before their configuration was recorded as the uCPE's intended
 * configuration (issue 16) have no {@code vnf-<id>} part, so a compliance check reports their
 * statements as extra. At start-up each INSTANTIATED instance without its part gets it, rendered
 * from the instance as the instantiation renders it and written by its last completed instantiation
 * (operation and process instance), which is what committed those statements.
 */
@Component
public class VnfIntendedBackfill {
  private static final Logger log = LoggerFactory.getLogger(VnfIntendedBackfill.class);

  private final VnfInstanceRepository instances;
  private final VnfLcmOpOccRepository occurrences;
  private final OperationRepository operations;
  private final IntendedConfigRecorder intended;
  private final VnfRecords records;

  public VnfIntendedBackfill(
      VnfInstanceRepository instances,
      VnfLcmOpOccRepository occurrences,
      OperationRepository operations,
      IntendedConfigRecorder intended,
      VnfRecords records) {
    this.instances = instances;
    this.occurrences = occurrences;
    this.operations = operations;
    this.intended = intended;
    this.records = records;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStartUp() {
    List<String> recorded = recordMissing();
    if (!recorded.isEmpty()) {
      log.info("recorded the intended configuration of VNF instances {}", recorded);
    }
  }

  /** Records the part of every INSTANTIATED instance that has none; answers their ids. */
  public List<String> recordMissing() {
    List<String> recorded = new ArrayList<>();
    for (VnfInstance instance : instances.findByState(VnfInstanceState.INSTANTIATED)) {
      String part = VnfRecords.intendedPart(instance.getId());
      if (intended.of(instance.getDeviceId()).stream().anyMatch(p -> p.getPart().equals(part))) {
        continue;
      }
      Optional<VnfLcmOpOcc> instantiation =
          occurrences.findFirstByVnfInstanceIdAndOperationAndOperationStateOrderByStartTimeDesc(
              instance.getId(), LcmOperation.INSTANTIATE, LcmOperationState.COMPLETED);
      String operationId = instantiation.map(VnfLcmOpOcc::getOperationId).orElse(null);
      Long processInstanceKey =
          Optional.ofNullable(operationId)
              .flatMap(operations::findById)
              .map(Operation::getProcessInstanceKey)
              .orElse(null);
      try {
        records.intended(instance.getId(), operationId, processInstanceKey);
        recorded.add(instance.getId());
      } catch (RuntimeException e) {
        // one instance that cannot be rendered (its package or site gone) keeps the others
        log.warn(
            "cannot record the intended configuration of VNF instance {}: {}",
            instance.getId(),
            e.getMessage());
      }
    }
    return recorded;
  }
}
