package io.switchboard.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.Incident;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the process-path tests: the real BPMN files on the embedded engine, driven through the
 * official client. The test plays the job workers, so each path is chosen deliberately.
 */
@SpringBootTest(
    classes = WorkflowTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProcessPathIT {
  @LocalServerPort int port;
  CamundaClient client;
  String serial;

  /** The operation the test's instance carries out: messages correlate to it. */
  String operationId;

  @BeforeEach
  void deploy() {
    client =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create("http://localhost:" + port))
            .grpcAddress(URI.create("http://localhost:" + port))
            .preferRestOverGrpc(true)
            .build();
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath(ZtpOnboarding.RESOURCE)
        .addResourceFromClasspath(DeviceUpgrade.RESOURCE)
        .send()
        .join();
    serial = "SN-" + UUID.randomUUID().toString().substring(0, 8);
    operationId = UUID.randomUUID().toString();
  }

  @AfterEach
  void close() {
    client.close();
  }

  ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    Map<String, Object> withOperation = new HashMap<>(variables);
    withOperation.put(OperationContract.VAR_OPERATION_ID, operationId);
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(withOperation)
        .send()
        .join();
  }

  /** The job of a type for this test's instance, waiting for it to appear. */
  ActivatedJob job(String type, long processInstanceKey) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              List<ActivatedJob> jobs =
                  client
                      .newActivateJobsCommand()
                      .jobType(type)
                      .maxJobsToActivate(50)
                      .timeout(Duration.ofSeconds(2))
                      .requestTimeout(Duration.ofMillis(500))
                      .send()
                      .join()
                      .getJobs();
              return jobs.stream()
                  .filter(j -> belongsTo(j, processInstanceKey))
                  .findFirst()
                  .orElse(null);
            },
            j -> j != null);
  }

  /** Jobs of call activities belong to child instances; the serial ties them to the test. */
  private boolean belongsTo(ActivatedJob job, long processInstanceKey) {
    return job.getProcessInstanceKey() == processInstanceKey
        || serial.equals(job.getVariablesAsMap().get(ZtpOnboarding.VAR_SERIAL));
  }

  void complete(String type, long pi, Map<String, Object> variables) {
    client.newCompleteCommand(job(type, pi)).variables(variables).send().join();
  }

  void complete(String type, long pi) {
    complete(type, pi, Map.of());
  }

  void throwError(String type, long pi, String code, String message) {
    client.newThrowErrorCommand(job(type, pi)).errorCode(code).errorMessage(message).send().join();
  }

  /** Asserts nothing of a job type shows up for this instance for a short while. */
  void noJob(String type, long pi) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(50)
            .requestTimeout(Duration.ofMillis(400))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).noneMatch(j -> belongsTo(j, pi));
  }

  void publish(String message, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(operationId)
        .variables(variables)
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
  }

  Incident incident(long pi) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(pi))
                    .send()
                    .join()
                    .items(),
            list -> !list.isEmpty())
        .get(0);
  }
}
