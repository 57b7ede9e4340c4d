package io.switchboard.api.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.observability.ProcessReadiness;
import io.switchboard.inventory.campaign.DeviceClaims;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.workflows.compliance.ConfigCompliance;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an operation as the outbox entry of its process: {@code PENDING}, in the caller's
 * transaction, next to the rows the process will need. The process is started by {@link
 * OperationDispatcher} only after that transaction commits (and, should the application stop in
 * between, at the next start), so no worker can see a process before its rows exist, and no process
 * runs for rows that were rolled back.
 */
@Component
public class OperationStarter {
  private final OperationRepository operations;
  private final OperationDispatcher dispatcher;
  private final OperationVariables variables;
  private final ObjectMapper json;
  private final TransactionTemplate transactions;
  private final ProcessReadiness readiness;
  private final DeviceClaims claims;

  public OperationStarter(
      TransactionTemplate transactions,
      OperationRepository operations,
      OperationDispatcher dispatcher,
      OperationVariables variables,
      ObjectMapper json,
      ProcessReadiness readiness,
      DeviceClaims claims) {
    this.readiness = readiness;
    this.claims = claims;
    this.operations = operations;
    this.dispatcher = dispatcher;
    this.variables = variables;
    this.json = json;
    this.transactions = transactions;
  }

  /** {@link #record} in a transaction of its own. */
  public Operation recordAlone(Operation operation, Map<String, Object> processVariables) {
    return transactions.execute(status -> record(operation, processVariables));
  }

  /**
   * Records {@code operation} with the caller's process variables and asks for its start after the
   * commit. Answers 409 naming the running operation when the target already has one, and 400 when
   * the variables exceed the configured size. An operation on one device (except the read-only
   * compliance check) claims that device, as {@link #record(Operation, Map, Collection)} does.
   */
  public Operation record(Operation operation, Map<String, Object> processVariables) {
    boolean claimsDevice =
        Operation.TARGET_DEVICE.equals(operation.getTargetKind())
            && !ConfigCompliance.PROCESS_ID.equals(operation.getType());
    return record(
        operation, processVariables, claimsDevice ? List.of(operation.getTargetId()) : List.of());
  }

  /**
   * {@link #record(Operation, Map)} for an operation that changes {@code claimedDevices} (its own
   * device, or a firewall deployment's devices): their rows are locked ({@link DeviceClaims}) and
   * the operation is refused 409 naming the device and its holder while another active operation
   * claims one of them (a running upgrade campaign or any other operation); otherwise the operation
   * claims them in the transaction that records it, so that a campaign started at the same time
   * waits and then skips them. The claims end with the operation, however it ends.
   */
  public Operation record(
      Operation operation,
      Map<String, Object> processVariables,
      Collection<String> claimedDevices) {
    readiness.requireReady();
    refuseWhenBusy(operation);
    if (!claimedDevices.isEmpty()) {
      refuseClaimed(claimedDevices);
    }
    operation.setStartVariables(serialize(processVariables));
    Operation saved;
    try {
      saved = operations.saveAndFlush(operation);
    } catch (DataIntegrityViolationException e) {
      // a concurrent request took the target between the check and the insert
      refuseWhenBusy(operation);
      throw e;
    }
    String id = saved.getId();
    if (!claimedDevices.isEmpty()) {
      claims.claim(claimedDevices, id);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              dispatcher.dispatchSoon(id);
            }
          });
    } else {
      dispatcher.dispatchSoon(id);
    }
    return saved;
  }

  /** Locks the devices until the caller's transaction ends; 409 for the first one claimed. */
  private void refuseClaimed(Collection<String> deviceIds) {
    claims.lock(deviceIds).values().stream()
        .findFirst()
        .ifPresent(
            claim -> {
              throw new ApiException(HttpStatus.CONFLICT, "target", claim.message());
            });
  }

  private void refuseWhenBusy(Operation operation) {
    operations
        .findFirstByTargetKindAndTargetIdAndStateIn(
            operation.getTargetKind(), operation.getTargetId(), OperationState.ACTIVE)
        .ifPresent(
            running -> {
              throw new ApiException(
                  HttpStatus.CONFLICT,
                  "target",
                  "The "
                      + operation.getTargetKind().toLowerCase()
                      + " is busy with operation "
                      + running.getId()
                      + " ("
                      + running.getType()
                      + ", "
                      + running.getState()
                      + "); try again when it has ended");
            });
  }

  private String serialize(Map<String, Object> processVariables) {
    if (processVariables == null || processVariables.isEmpty()) {
      return null;
    }
    String serialized;
    try {
      serialized = json.writeValueAsString(processVariables);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("variables", "cannot be written as JSON");
    }
    variables.requireWithinLimit(serialized);
    return serialized;
  }
}
