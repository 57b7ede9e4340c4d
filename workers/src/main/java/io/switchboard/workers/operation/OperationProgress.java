package io.switchboard.workers.operation;

import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps an operation's row in step with its process: current step, result, failure. */
@Service
public class OperationProgress {
  private final OperationRepository operations;

  public OperationProgress(OperationRepository operations) {
    this.operations = operations;
  }

  @Transactional
  public void step(String operationId, String step) {
    find(operationId)
        .ifPresent(
            o -> {
              o.setCurrentStep(step);
              operations.save(o);
            });
  }

  @Transactional
  public void completed(String operationId, String resultJson) {
    find(operationId)
        .ifPresent(
            o -> {
              o.setCurrentStep("done");
              o.complete(resultJson);
              operations.save(o);
            });
  }

  @Transactional
  public void failed(String operationId, String step, String error) {
    find(operationId)
        .ifPresent(
            o -> {
              o.setCurrentStep(step);
              o.fail(error);
              operations.save(o);
            });
  }

  private java.util.Optional<Operation> find(String operationId) {
    return operationId == null ? java.util.Optional.empty() : operations.findById(operationId);
  }
}
