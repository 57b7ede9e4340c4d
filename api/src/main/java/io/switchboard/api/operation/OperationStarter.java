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
   * the variables exceed the configured size. An operation on a device that a running campaign
   * holds is refused 409 naming the campaign, except the read-only compliance check; any other
   * operation on one device claims it (under its row lock, {@link DeviceClaims}), so that a
   * campaign started at the same time waits and then skips it.
   */
  public Operation record(Operation operation, Map<String, Object> processVariables) {
    readiness.requireReady();
    boolean claimsDevice =
        Operation.TARGET_DEVICE.equals(operation.getTargetKind())
            && !ConfigCompliance.PROCESS_ID.equals(operation.getType());
    refuseWhenBusy(operation);
    if (claimsDevice) {
      refuseClaimed(List.of(operation.getTargetId()), false);
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
    if (claimsDevice) {
      claims.claim(List.of(operation.getTargetId()), id);
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

  /**
   * 409 naming the campaign when a running upgrade campaign holds one of the devices (for
   * operations that change several devices: firewall deployments).
   */
  public void refuseHeld(Collection<String> deviceIds) {
    refuseClaimed(deviceIds, true);
  }

  /** Locks the devices until the caller's transaction ends; 409 for the first one claimed. */
  private void refuseClaimed(Collection<String> deviceIds, boolean campaignsOnly) {
    claims.lock(deviceIds).values().stream()
        .filter(claim -> claim.byCampaign() || !campaignsOnly)
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
