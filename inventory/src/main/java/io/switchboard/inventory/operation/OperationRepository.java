package io.switchboard.inventory.operation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface OperationRepository
    extends JpaRepository<Operation, String>, JpaSpecificationExecutor<Operation> {
  Optional<Operation> findByProcessInstanceKey(long processInstanceKey);
}
