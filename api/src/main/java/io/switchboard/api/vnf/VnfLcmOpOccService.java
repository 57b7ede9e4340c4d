package io.switchboard.api.vnf;

import io.camunda.client.CamundaClient;
import io.switchboard.api.common.InScope;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationRepairs;
import io.switchboard.api.operation.ProcessProgress;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.inventory.vnf.LcmOperation;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstanceRepository;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import io.switchboard.inventory.vnf.VnfLcmOpOccRepository;
import io.switchboard.workflows.vnf.VnfProcesses;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lifecycle operation occurrences: read with their state reconciled from their operation, and the
 * SOL003 repairs of a {@code FAILED_TEMP} one: retry (the failed step again), rollback (the failed
 * step gives up and the compensation undoes the earlier steps), fail (stop where it is, FAILED).
 */
@Service
public class VnfLcmOpOccService {
  /** An occurrence with its operation and the state they make together. */
  public record Occurrence(VnfLcmOpOcc occ, Operation operation, LcmOperationState state) {}

  private final VnfLcmOpOccRepository occurrences;
  private final ScopedRepository<VnfLcmOpOcc> scoped;
  private final OperationRepository operations;
  private final VnfInstanceRepository instances;
  private final OperationRepairs repairs;
  private final ProcessProgress progress;
  private final ObjectProvider<CamundaClient> client;
  private final TransactionTemplate transactions;

  public VnfLcmOpOccService(
      VnfLcmOpOccRepository occurrences,
      OperationRepository operations,
      VnfInstanceRepository instances,
      OperationRepairs repairs,
      ProcessProgress progress,
      ObjectProvider<CamundaClient> client,
      PlatformTransactionManager transactionManager) {
    this.occurrences = occurrences;
    this.scoped = new ScopedRepository<>(occurrences, Visibility::tenantOwned);
    this.operations = operations;
    this.instances = instances;
    this.repairs = repairs;
    this.progress = progress;
    this.client = client;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Transactional(readOnly = true)
  public Page<Occurrence> list(
      AccessScope scope, Specification<VnfLcmOpOcc> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.VNF_INSTANCES);
    return scoped.page(scope, filter, pageable).map(this::reconciled);
  }

  @Transactional(readOnly = true)
  public Occurrence get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.VNF_INSTANCES);
    return reconciled(InScope.findOr404(scoped, scope, "VNF LCM operation occurrence", id));
  }

  /** Gives the failed step another attempt. */
  @Transactional
  public Occurrence retry(AccessScope scope, String id) {
    Occurrence current = failedTemp(scope, id, "retry");
    repairs.retry(current.operation(), scope.username());
    return reconciled(current.occ());
  }

  /**
   * Makes the failed step give up, so the compensation undoes what was done; then ROLLED_BACK. Not
   * one transaction: ROLLING_BACK is committed before the retry, because the retried step records
   * on the same occurrence at once (a transaction still open would lose to it).
   */
  public Occurrence rollback(AccessScope scope, String id) {
    Occurrence current = failedTemp(scope, id, "rollback");
    client
        .getObject()
        .newSetVariablesCommand(current.operation().getProcessInstanceKey())
        .variables(Map.of(VnfProcesses.VAR_ROLLBACK_REQUESTED, true))
        .send()
        .join();
    VnfLcmOpOcc occ = current.occ();
    occ.enter(LcmOperationState.ROLLING_BACK);
    if (occ.getErrorDetail() == null) {
      // the step waited as an incident (unreachable device): its reason becomes the error
      String reason = current.operation().getAttentionMessage();
      occ.error(
          "Lifecycle operation step failed",
          "rollback requested by " + scope.username() + (reason == null ? "" : " after: " + reason),
          500);
    }
    VnfLcmOpOcc rollingBack = occurrences.save(occ);
    repairs.retry(current.operation(), scope.username());
    return reconciled(rollingBack);
  }

  /**
   * Ends the occurrence FAILED, as SOL003's fail, its error the failed step's (the device's)
   * message. An instantiation or termination stops where it stands (nothing is undone). A heal
   * cannot: a commit of its own may still wait for its confirmation, which the device would roll
   * back only when its timer runs out (10 minutes), so the heal's process ends by its undo path at
   * once (removing that commit's statements, which ends the confirmation; nothing when it committed
   * nothing) and records FAILED. Not one transaction, as for {@link #rollback}.
   *
   * <p>When the incident is on the undo path itself (a heal's undo of its commit, an
   * instantiation's compensation, the recording of the outcome), there is no undo left to run: the
   * undo that failed would only fail again. The process is cancelled where it stands, as for an
   * instantiation; a heal's commit the undo could not remove is still unconfirmed, so the device's
   * own confirmation timer rolls it back.
   */
  public Occurrence fail(AccessScope scope, String id) {
    Occurrence current = failedTemp(scope, id, "fail");
    Operation operation = current.operation();
    String reason = operation.getAttentionMessage();
    VnfLcmOpOcc occ = current.occ();
    occ.enter(LcmOperationState.FAILED);
    occ.error(
        "Lifecycle operation failed",
        reason == null ? "marked failed by " + scope.username() : reason,
        500);
    if (occ.getOperation() == LcmOperation.HEAL && onForwardStep(operation)) {
      client
          .getObject()
          .newSetVariablesCommand(operation.getProcessInstanceKey())
          .variables(
              Map.of(
                  VnfProcesses.VAR_ROLLBACK_REQUESTED, true, VnfProcesses.VAR_FAIL_REQUESTED, true))
          .send()
          .join();
      VnfLcmOpOcc failed = occurrences.save(occ);
      repairs.retry(operation, scope.username());
      return reconciled(failed);
    }
    return transactions.execute(
        status -> {
          Operation cancelled = repairs.cancel(operation, scope.username());
          occurrences.save(occ);
          if (occ.getOperation() == LcmOperation.INSTANTIATE) {
            // never instantiated: it holds nothing; a failed terminate leaves it instantiated
            instances
                .findById(occ.getVnfInstanceId())
                .ifPresent(
                    instance -> {
                      instance.release();
                      instances.save(instance);
                    });
          }
          return new Occurrence(occ, cancelled, LcmOperationState.FAILED);
        });
  }

  /** Whether an open incident of the operation is on a forward step of the heal. */
  private boolean onForwardStep(Operation operation) {
    return progress.openIncidents(operation.getProcessInstanceKey()).stream()
        .anyMatch(i -> VnfProcesses.HEAL_FORWARD_STEPS.contains(i.getElementId()));
  }

  private Occurrence failedTemp(AccessScope scope, String id, String repair) {
    Permissions.require(scope, Action.RUN, Resource.VNF_INSTANCES);
    Occurrence current =
        reconciled(InScope.findOr404(scoped, scope, "VNF LCM operation occurrence", id));
    if (current.state() != LcmOperationState.FAILED_TEMP) {
      throw ApiException.conflict(
          "operationState",
          "only a FAILED_TEMP occurrence can " + repair + "; this one is " + current.state());
    }
    return current;
  }

  private Occurrence reconciled(VnfLcmOpOcc occ) {
    Operation operation =
        occ.getOperationId() == null
            ? null
            : operations.findById(occ.getOperationId()).orElse(null);
    return new Occurrence(occ, operation, state(occ, operation));
  }

  /** The stored state once final; otherwise what the operation says. */
  static LcmOperationState state(VnfLcmOpOcc occ, Operation operation) {
    LcmOperationState stored = occ.getOperationState();
    if (stored.isFinal() || operation == null) {
      return stored;
    }
    return switch (operation.getState()) {
      case PENDING -> LcmOperationState.STARTING;
      case RUNNING ->
          operation.isAttention()
              ? LcmOperationState.FAILED_TEMP
              : stored == LcmOperationState.ROLLING_BACK
                  ? LcmOperationState.ROLLING_BACK
                  : LcmOperationState.PROCESSING;
      case COMPLETED -> LcmOperationState.COMPLETED;
      case FAILED, CANCELLED -> LcmOperationState.FAILED;
    };
  }
}
