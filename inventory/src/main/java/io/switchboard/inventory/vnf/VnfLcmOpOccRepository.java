package io.switchboard.inventory.vnf;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface VnfLcmOpOccRepository
    extends JpaRepository<VnfLcmOpOcc, String>, JpaSpecificationExecutor<VnfLcmOpOcc> {
  Optional<VnfLcmOpOcc> findByOperationId(String operationId);

  void deleteByVnfInstanceId(String vnfInstanceId);

  /** The instance's newest occurrence of {@code operation} that ended in {@code state}. */
  Optional<VnfLcmOpOcc> findFirstByVnfInstanceIdAndOperationAndOperationStateOrderByStartTimeDesc(
      String vnfInstanceId, LcmOperation operation, LcmOperationState state);
}
