package io.switchboard.api.operation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.operation.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts the process that carries an operation out, through the Camunda client (the embedded engine
 * or a Camunda 8 cluster alike). The process gets the operation id, tenant and target as variables
 * next to the caller's own.
 */
@Component
public class OperationStarter {
  private final ObjectProvider<CamundaClient> client;
  private final io.switchboard.inventory.operation.OperationRepository operations;

  public OperationStarter(
      ObjectProvider<CamundaClient> client,
      io.switchboard.inventory.operation.OperationRepository operations) {
    this.client = client;
    this.operations = operations;
  }

  /**
   * Records the operation and starts its process. Call it inside the caller's transaction: when the
   * start fails, the exception rolls the row back, so nothing half-written stays; workers never see
   * the row before the process key is on it.
   */
  public Operation record(Operation operation, Map<String, Object> variables) {
    Operation saved = operations.saveAndFlush(operation);
    saved.started(start(saved, variables));
    return operations.saveAndFlush(saved);
  }

  public long start(Operation operation, Map<String, Object> variables) {
    Map<String, Object> all = new LinkedHashMap<>(variables == null ? Map.of() : variables);
    all.put("operationId", operation.getId());
    all.put("tenantId", operation.getTenantId());
    all.put("targetKind", operation.getTargetKind());
    all.put("targetId", operation.getTargetId());
    all.put("requestedBy", operation.getRequestedBy());
    try {
      return client
          .getObject()
          .newCreateInstanceCommand()
          .bpmnProcessId(operation.getType())
          .latestVersion()
          .variables(all)
          .send()
          .join()
          .getProcessInstanceKey();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw ApiException.unprocessable(
            "type", "no process '" + operation.getType() + "' is deployed");
      }
      throw new ApiException(
          HttpStatus.BAD_GATEWAY, null, "The workflow engine refused the operation: " + detail(e));
    } catch (ClientException e) {
      throw new ApiException(
          HttpStatus.BAD_GATEWAY, null, "The workflow engine is not reachable: " + e.getMessage());
    }
  }

  private static String detail(ProblemException e) {
    return e.details() != null && e.details().getDetail() != null
        ? e.details().getDetail()
        : e.getMessage();
  }
}
