package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.switchboard.api.operation.OperationDetail;
import io.switchboard.api.operation.ProcessProgress;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ResponseEntity;

/**
 * Reading an operation while the workflow engine does not answer its step and incident searches (a
 * cluster that is down, or an engine too busy to answer in time) still answers the operation from
 * the inventory, and says that steps and incidents are missing, instead of a 502 for the whole
 * operation.
 */
@Import(OperationEngineUnavailableIT.UnreachableSearches.class)
class OperationEngineUnavailableIT extends ApiIT {
  @Autowired OperationRepository operations;

  // imported by this class only: a @TestConfiguration here is also found by the component scan
  // of every other context of the suite (it gave them all this class's beans)
  static class UnreachableSearches {
    /** The step and incident searches go to a port where nothing listens. */
    @Bean
    @Primary
    OperationDetail unreachableDetail(ProcessProgress progress) throws IOException {
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      CamundaClient nowhere =
          CamundaClient.newClientBuilder()
              .restAddress(URI.create("http://127.0.0.1:" + closed))
              .grpcAddress(URI.create("http://127.0.0.1:" + closed))
              .preferRestOverGrpc(true)
              .defaultRequestTimeout(Duration.ofSeconds(2))
              .build();
      return new OperationDetail(
          progress,
          new ObjectProvider<>() {
            @Override
            public CamundaClient getObject() {
              return nowhere;
            }
          });
    }
  }

  @Test
  void aRunningOperationIsAnsweredWithoutItsStepsWhenTheEngineDoesNotAnswer() {
    String tenant = newTenant(null);
    Operation operation = new Operation(tenant, "upgrade-device", "TENANT", tenant, ADMIN);
    operation.started(4_503_599_627_370_496L);
    operations.saveAndFlush(operation);

    ResponseEntity<JsonNode> read = admin.get("/api/v1/operations/" + operation.getId());

    assertThat(read.getStatusCode().value()).isEqualTo(200);
    JsonNode body = read.getBody();
    assertThat(body.get("state").asText()).isEqualTo("RUNNING");
    assertThat(body.get("tenantId").asText()).isEqualTo(tenant);
    assertThat(body.get("steps")).isEmpty();
    assertThat(body.get("incidents")).isEmpty();
    assertThat(body.get("engineUnavailable").asText()).contains("did not answer");
  }
}
