package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A parameter or sort field an endpoint does not know is refused, never ignored. */
class KnownParametersIT extends ApiIT {
  @Test
  void anUnknownFilterIsRefusedNamingIt() {
    ResponseEntity<JsonNode> answer = admin.get("/api/v1/devices?lifecycleState=ACTIVE");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().get("field").asText()).isEqualTo("lifecycleState");
    assertThat(answer.getBody().get("detail").asText()).contains("state");
  }

  @Test
  void knownFiltersAndPagingStillWork() {
    assertThat(
            admin
                .get("/api/v1/operations?state=RUNNING&page=0&size=5&sort=createdAt,desc")
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void anUnknownSortFieldIsRefusedNamingIt() {
    ResponseEntity<JsonNode> answer = admin.get("/api/v1/operations?sort=password");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().get("field").asText()).isEqualTo("sort");
  }
}
