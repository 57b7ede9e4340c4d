package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.observability.ProcessReadiness;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Before the processes are deployed, an operation is refused with 503 and says why. */
class ProcessReadinessIT extends ApiIT {
  @Autowired ProcessReadiness readiness;

  @AfterEach
  void deployed() {
    readiness.deployed("test over");
  }

  @Test
  void anOperationBeforeTheProcessesAreDeployedIsA503ThatSaysSoAndRecordsNothing() {
    String tenant = newTenant(null);
    readiness.expectDeployment();

    ResponseEntity<JsonNode> refused =
        admin.post(
            "/api/v1/operations",
            Map.of("type", "ztp-onboarding", "target", Map.of("kind", "TENANT", "id", tenant)));

    assertThat(refused.getStatusCode().value()).isEqualTo(503);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(refused.getBody().get("detail").asText())
        .contains("processes are not deployed yet")
        .contains("retry");
    assertThat(
            admin.get("/api/v1/operations?tenantId=" + tenant).getBody().get("totalItems").asLong())
        .isZero();

    readiness.failed("the cluster refused the deployment");
    assertThat(
            admin
                .post(
                    "/api/v1/operations",
                    Map.of(
                        "type", "ztp-onboarding", "target", Map.of("kind", "TENANT", "id", tenant)))
                .getBody()
                .get("detail")
                .asText())
        .contains("could not be deployed")
        .contains("the cluster refused the deployment");
  }
}
