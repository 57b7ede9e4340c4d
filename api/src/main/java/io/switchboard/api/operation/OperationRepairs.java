package io.switchboard.api.operation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.Incident;
import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's repairs of an operation, in Switchboard's terms rather than Zeebe's: retry (give
 * the failed jobs a retry and resolve the open incidents) and cancel (the process instance, or the
 * start of a pending operation). The caller has checked scope and role.
 */
@Service
public class OperationRepairs {
  private static final Logger LOG = LoggerFactory.getLogger(OperationRepairs.class);

  private final OperationRepository operations;
  private final ProcessProgress progress;
  private final OperationTracker tracker;
  private final ObjectProvider<CamundaClient> client;
  private final TransactionTemplate transactions;

  public OperationRepairs(
      OperationRepository operations,
      ProcessProgress progress,
      OperationTracker tracker,
      ObjectProvider<CamundaClient> client,
      TransactionTemplate transactions) {
    this.transactions = transactions;
    this.operations = operations;
    this.progress = progress;
    this.tracker = tracker;
    this.client = client;
  }

  /** Retries every step that raised an incident; 409 when there is nothing to retry. */
  public Operation retry(Operation operation, String by) {
    if (operation.getState() != OperationState.RUNNING) {
      throw conflict(
          "Only a running operation can be retried; this one is " + operation.getState());
    }
    List<Incident> open = engine(() -> progress.openIncidents(operation.getProcessInstanceKey()));
    if (open.isEmpty()) {
      throw conflict("The operation has no open incident to retry");
    }
    for (Incident incident : open) {
      engine(
          () -> {
            if (incident.getJobKey() != null) {
              client
                  .getObject()
                  .newUpdateRetriesCommand(incident.getJobKey())
                  .retries(1)
                  .send()
                  .join();
            }
            client.getObject().newResolveIncidentCommand(incident.getIncidentKey()).send().join();
            return null;
          });
      LOG.info(
          "Operation {}: {} retried {} after: {}",
          operation.getId(),
          by,
          incident.getElementId(),
          incident.getErrorMessage());
    }
    return tracker.refresh(operation);
  }

  /** Cancels the operation's process (or its start, when it has not started yet). */
  public Operation cancel(Operation operation, String by) {
    String reason = "Cancelled by " + by;
    switch (operation.getState()) {
      case PENDING -> {
        // under the row lock the dispatcher holds while it starts the process: it either has not
        // started (cancelled here, and the dispatcher then leaves it) or has (cancelled as running)
        Operation cancelledPending =
            transactions.execute(
                status -> {
                  Operation current = operations.findLockedById(operation.getId()).orElseThrow();
                  if (current.getState() != OperationState.PENDING) {
                    return null;
                  }
                  current.cancel(reason + " before its process started");
                  return operations.save(current);
                });
        return cancelledPending != null
            ? cancelledPending
            : cancel(operations.findById(operation.getId()).orElseThrow(), by);
      }
      case RUNNING -> {
        engine(
            () -> {
              try {
                client
                    .getObject()
                    .newCancelInstanceCommand(operation.getProcessInstanceKey())
                    .send()
                    .join();
              } catch (ProblemException e) {
                if (e.code() != 404) {
                  throw e;
                }
                // ended meanwhile: the tracker tells how
                return null;
              }
              return null;
            });
        LOG.info("Operation {} ({}) cancelled by {}", operation.getId(), operation.getType(), by);
        return recordCancelled(operation.getId(), reason);
      }
      default ->
          throw conflict(
              "The operation has ended (" + operation.getState() + "); there is nothing to cancel");
    }
  }

  /** The tracker may save the same row at the same moment; the cancellation wins. */
  private Operation recordCancelled(String id, String reason) {
    for (int attempt = 0; ; attempt++) {
      Operation current = operations.findById(id).orElseThrow();
      if (current.getState() != OperationState.RUNNING) {
        return current;
      }
      current.cancel(reason);
      try {
        return operations.save(current);
      } catch (OptimisticLockingFailureException e) {
        if (attempt == 2) {
          throw e;
        }
      }
    }
  }

  private static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, null, message);
  }

  /** Engine calls answer 502 with the engine's own one-line reason when it fails. */
  static <T> T engine(Supplier<T> call) {
    try {
      return call.get();
    } catch (ProblemException e) {
      String detail =
          e.details() != null && e.details().getDetail() != null
              ? e.details().getDetail()
              : "status " + e.code();
      throw new ApiException(
          HttpStatus.BAD_GATEWAY, null, "The workflow engine refused: " + detail);
    } catch (ClientException e) {
      throw new ApiException(HttpStatus.BAD_GATEWAY, null, "The workflow engine is not reachable");
    }
  }
}
