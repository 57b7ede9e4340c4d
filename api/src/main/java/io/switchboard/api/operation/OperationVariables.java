package io.switchboard.api.operation;

import static io.switchboard.workflows.operation.OperationContract.VAR_OPERATION_ID;
import static io.switchboard.workflows.operation.OperationContract.VAR_REQUESTED_BY;
import static io.switchboard.workflows.operation.OperationContract.VAR_TARGET_ID;
import static io.switchboard.workflows.operation.OperationContract.VAR_TARGET_KIND;
import static io.switchboard.workflows.operation.OperationContract.VAR_TENANT_ID;

import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.operation.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The variables an operation's process starts with: the caller's, within a size limit, plus the
 * ones Switchboard sets itself (which a caller may not override).
 */
@Component
public class OperationVariables {
  static final Set<String> RESERVED =
      Set.of(VAR_OPERATION_ID, VAR_TENANT_ID, VAR_TARGET_KIND, VAR_TARGET_ID, VAR_REQUESTED_BY);

  private final DataSize limit;

  public OperationVariables(
      @Value("${switchboard.operations.max-variables-size:64KB}") DataSize limit) {
    this.limit = limit;
  }

  void requireWithinLimit(String serialized) {
    long size = serialized.getBytes(StandardCharsets.UTF_8).length;
    if (size > limit.toBytes()) {
      throw ApiException.invalid(
          "variables",
          "are " + size + " bytes as JSON; an operation takes at most " + limit.toBytes());
    }
  }

  /** Refuses caller variables that would override the ones Switchboard sets. */
  public static void refuseReserved(Map<String, Object> callerVariables) {
    if (callerVariables == null) {
      return;
    }
    for (String name : callerVariables.keySet()) {
      if (RESERVED.contains(name)) {
        throw ApiException.invalid("variables." + name, "is set by Switchboard itself");
      }
    }
  }

  static Map<String, Object> withOperation(Map<String, Object> callerVariables, Operation op) {
    Map<String, Object> all = new LinkedHashMap<>(callerVariables);
    all.put(VAR_OPERATION_ID, op.getId());
    all.put(VAR_TENANT_ID, op.getTenantId());
    all.put(VAR_TARGET_KIND, op.getTargetKind());
    all.put(VAR_TARGET_ID, op.getTargetId());
    all.put(VAR_REQUESTED_BY, op.getRequestedBy());
    return all;
  }
}
