package io.switchboard.api.operation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.observability.ProcessReadiness;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refuses an operation whose process is not deployed while the caller is still there to read the
 * answer. When the engine cannot be asked, the operation is recorded anyway: its start then fails
 * (or succeeds) on the operations thread, and the operation says so.
 */
@Component
public class DeployedProcesses {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private final ObjectProvider<CamundaClient> client;
  private final ProcessReadiness readiness;

  public DeployedProcesses(ObjectProvider<CamundaClient> client, ProcessReadiness readiness) {
    this.client = client;
    this.readiness = readiness;
  }

  void requireDeployed(String processId) {
    // before the deployment, every process is missing: say that, not "no such process"
    readiness.requireReady();
    boolean deployed;
    try {
      deployed =
          !client
              .getObject()
              .newProcessDefinitionSearchRequest()
              .filter(f -> f.processDefinitionId(processId))
              .page(p -> p.limit(1))
              .requestTimeout(TIMEOUT)
              .send()
              .join()
              .items()
              .isEmpty();
    } catch (ClientException e) {
      return;
    }
    if (!deployed) {
      throw ApiException.unprocessable("type", "no process '" + processId + "' is deployed");
    }
  }
}
