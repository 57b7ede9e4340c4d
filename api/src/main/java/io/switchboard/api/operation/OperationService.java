package io.switchboard.api.operation;

import io.switchboard.api.common.Filters;
import io.switchboard.api.common.Paging;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

/** The operations' use cases: list and find in the caller's scope, and start one for a target. */
@Service
public class OperationService {
  private final ScopedInventory inventory;
  private final OperationStarter starter;
  private final DeployedProcesses deployments;

  public OperationService(
      ScopedInventory inventory, OperationStarter starter, DeployedProcesses deployments) {
    this.inventory = inventory;
    this.starter = starter;
    this.deployments = deployments;
  }

  /** A page of the operations the caller sees, filtered and sorted (createdAt, type, state). */
  public Page<Operation> list(
      AccessScope scope,
      String tenantId,
      String type,
      OperationState state,
      Instant from,
      Instant to,
      Pageable pageable) {
    return list(scope, tenantId, type, state, from, to, null, pageable);
  }

  /**
   * The same, narrowed to operations of these targets when {@code targetIds} is not null (the
   * console's business-key filters: a device serial, a site name); an empty set matches nothing.
   */
  public Page<Operation> list(
      AccessScope scope,
      String tenantId,
      String type,
      OperationState state,
      Instant from,
      Instant to,
      Collection<String> targetIds,
      Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.OPERATIONS);
    Specification<Operation> targets =
        targetIds == null
            ? Filters.none()
            : targetIds.isEmpty()
                ? (root, query, cb) -> cb.disjunction()
                : (root, query, cb) -> root.get("targetId").in(targetIds);
    return inventory
        .operations()
        .page(
            scope,
            Filters.<Operation>equal("tenantId", tenantId)
                .and(Filters.equal("type", type))
                .and(Filters.equal("state", state))
                .and(Filters.between("createdAt", from, to))
                .and(targets),
            Paging.of(
                pageable,
                Set.of("createdAt", "type", "state"),
                Sort.by(Sort.Direction.DESC, "createdAt")));
  }

  /** The operation if the caller may take {@code action} on it; 404 outside the caller's scope. */
  public Operation find(AccessScope scope, Action action, String id) {
    Permissions.require(scope, action, Resource.OPERATIONS);
    return inventory
        .operations()
        .find(scope, id)
        .orElseThrow(() -> ApiException.notFound("Operation", id));
  }

  /**
   * Records an operation of a deployed process for a target the caller sees; its process starts
   * after the commit. 422 for an unknown target or process, 409 while the target is busy.
   */
  public Operation start(
      AccessScope scope,
      String type,
      String targetKind,
      String targetId,
      Map<String, Object> variables) {
    Permissions.require(scope, Action.RUN, Resource.OPERATIONS);
    OperationVariables.refuseReserved(variables);
    String tenantId =
        tenantOf(scope, targetKind, targetId)
            .orElseThrow(
                () ->
                    ApiException.unprocessable(
                        "target.id", targetKind.toLowerCase() + " '" + targetId + "' not found"));
    deployments.requireDeployed(type);
    return starter.recordAlone(
        new Operation(tenantId, type, targetKind, targetId, scope.username()), variables);
  }

  private Optional<String> tenantOf(AccessScope scope, String kind, String id) {
    return switch (kind) {
      case Operation.TARGET_TENANT -> inventory.tenants().find(scope, id).map(t -> t.getId());
      case Operation.TARGET_SITE -> inventory.sites().find(scope, id).map(s -> s.getTenantId());
      case Operation.TARGET_DEVICE -> inventory.devices().find(scope, id).map(d -> d.getTenantId());
      default -> Optional.empty();
    };
  }
}
