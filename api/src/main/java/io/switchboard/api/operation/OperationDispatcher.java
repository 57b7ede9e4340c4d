package io.switchboard.api.operation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.ProcessInstance;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.workflows.operation.OperationContract;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the processes of {@code PENDING} operations, after their rows have committed: at once for
 * a new operation, and in every sweep for any left pending (the engine was unreachable, or the
 * application stopped between the commit and the start). At least once and without duplicates:
 * before it creates an instance it looks for one that already carries the operation's id, so a
 * start whose answer was lost is adopted, not repeated. Several instances sharing one database
 * (docs/production.md) each sweep: a dispatch holds the operation's row lock from the check to the
 * recorded start, so a second dispatcher waits, then finds it {@code RUNNING} and leaves it.
 */
@Component
public class OperationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OperationDispatcher.class);
  private static final int SWEEP_BATCH = 200;

  private final OperationRepository operations;
  private final ObjectProvider<CamundaClient> client;
  private final OperationsExecutor executor;
  private final ObjectMapper json;
  private final TransactionTemplate transactions;

  public OperationDispatcher(
      OperationRepository operations,
      ObjectProvider<CamundaClient> client,
      OperationsExecutor executor,
      ObjectMapper json,
      TransactionTemplate transactions) {
    this.transactions = transactions;
    this.operations = operations;
    this.client = client;
    this.executor = executor;
    this.json = json;
  }

  /** Starts the operation's process on the operations thread, after the caller returns. */
  public void dispatchSoon(String operationId) {
    executor.submit(() -> dispatch(operationId));
  }

  /** Starts every operation still pending; returns how many it started. */
  public int sweep() {
    int started = 0;
    for (Operation pending :
        operations.findByStateInOrderByCreatedAtAsc(
            List.of(OperationState.PENDING), PageRequest.of(0, SWEEP_BATCH))) {
      if (dispatch(pending.getId())) {
        started++;
      }
    }
    return started;
  }

  /**
   * Starts one pending operation's process. Returns false when it is not pending any more or the
   * engine could not be reached (it stays pending for the next sweep).
   */
  boolean dispatch(String operationId) {
    long[] key = {0};
    try {
      return Boolean.TRUE.equals(transactions.execute(status -> dispatchLocked(operationId, key)));
    } catch (PessimisticLockingFailureException e) {
      // another instance held the row past the lock timeout: it is starting this operation
      LOG.debug("Operation {} is being started elsewhere: {}", operationId, e.getMessage());
      return false;
    } catch (OptimisticLockingFailureException e) {
      if (key[0] != 0) {
        // cancelled while its process was being created: the process must not run on
        LOG.info(
            "Operation {} was cancelled while it started; cancelling instance {}",
            operationId,
            key[0]);
        client.getObject().newCancelInstanceCommand(key[0]).send().join();
      }
      return false;
    }
  }

  /** {@link #dispatch} under the operation's row lock; sets {@code key[0]} once it has one. */
  private boolean dispatchLocked(String operationId, long[] key) {
    Optional<Operation> found = operations.findLockedById(operationId);
    if (found.isEmpty() || found.get().getState() != OperationState.PENDING) {
      return false;
    }
    Operation operation = found.get();
    try {
      key[0] = existingInstance(operation).orElseGet(() -> create(operation));
    } catch (ProblemException e) {
      if (e.code() >= 500) {
        LOG.warn(
            "Operation {}: the engine failed to start it, will retry: {}",
            operationId,
            e.getMessage());
        return false;
      }
      operation.fail(
          "The workflow engine refused to start process '"
              + operation.getType()
              + "': "
              + detail(e));
      operations.save(operation);
      LOG.warn("Operation {} failed to start: {}", operationId, operation.getError());
      return false;
    } catch (ClientException e) {
      LOG.warn(
          "Operation {}: the engine is not reachable, will retry: {}", operationId, e.getMessage());
      return false;
    }
    operation.started(key[0]);
    operations.saveAndFlush(operation);
    return true;
  }

  private Optional<Long> existingInstance(Operation operation) {
    List<ProcessInstance> items =
        client
            .getObject()
            .newProcessInstanceSearchRequest()
            .filter(
                f ->
                    f.processDefinitionId(operation.getType())
                        .variables(
                            Map.of(
                                OperationContract.VAR_OPERATION_ID,
                                "\"" + operation.getId() + "\"")))
            .send()
            .join()
            .items();
    return items.stream().map(ProcessInstance::getProcessInstanceKey).findFirst();
  }

  private long create(Operation operation) {
    return client
        .getObject()
        .newCreateInstanceCommand()
        .bpmnProcessId(operation.getType())
        .latestVersion()
        .variables(OperationVariables.withOperation(callerVariables(operation), operation))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private Map<String, Object> callerVariables(Operation operation) {
    if (operation.getStartVariables() == null) {
      return new HashMap<>();
    }
    try {
      return json.readValue(
          operation.getStartVariables(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(
          "Operation " + operation.getId() + " has unreadable variables", e);
    }
  }

  private static String detail(ProblemException e) {
    if (e.code() == 404) {
      return "no such process is deployed";
    }
    return e.details() != null && e.details().getDetail() != null
        ? e.details().getDetail()
        : e.getMessage();
  }
}
