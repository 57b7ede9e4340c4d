package io.switchboard.app.hello;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * First-run demonstration: deploys {@code hello-switchboard} with the Camunda client, starts an
 * instance, waits for its result and logs both workers' variables.
 *
 * <p>Spring Boot calls runners after the embedded web server has started, so the client can reach
 * the engine's {@code /v2} API on the application's own port. The work runs asynchronously (the
 * client's futures), so startup never waits for it, and a failure is logged, never thrown.
 */
@Component
@ConditionalOnProperty(
    name = "switchboard.hello.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class HelloRunner implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(HelloRunner.class);
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

  private final CamundaClient client;
  private final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();

  public HelloRunner(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      client
          .newDeployResourceCommand()
          .addResourceFromClasspath(HelloProcess.RESOURCE)
          .send()
          .thenCompose(deployment -> startAndAwait())
          .whenComplete(this::report);
    } catch (RuntimeException e) {
      report(null, e);
    }
  }

  /** The variables of the completed instance, or the failure; completes once per run. */
  public CompletionStage<Map<String, Object>> result() {
    return result;
  }

  private CompletionStage<ProcessInstanceResult> startAndAwait() {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(HelloProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of(HelloProcess.VAR_NAME, "Switchboard"))
        .withResult()
        .requestTimeout(RESULT_TIMEOUT)
        .send();
  }

  private void report(ProcessInstanceResult instance, Throwable failure) {
    if (failure != null) {
      LOG.warn(
          "Hello process {} did not complete (Switchboard keeps running): {}",
          HelloProcess.PROCESS_ID,
          rootMessage(failure));
      result.completeExceptionally(failure);
      return;
    }
    Map<String, Object> variables = new TreeMap<>(instance.getVariablesAsMap());
    LOG.info(
        "Hello process {} instance {} completed with variables {}",
        HelloProcess.PROCESS_ID,
        instance.getProcessInstanceKey(),
        variables);
    result.complete(variables);
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
