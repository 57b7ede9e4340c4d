package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The OpenAPI document keeps the admin API, the device endpoints and /v2 apart. */
class OpenApiGroupsIT extends ApiIT {
  @Test
  void theAdminGroupHoldsOnlyTheAdminApi() {
    JsonNode admin = rest.getForObject("/v3/api-docs/admin", JsonNode.class);

    assertThat(admin.get("paths").fieldNames())
        .toIterable()
        .isNotEmpty()
        .allMatch(path -> path.startsWith("/api/v1/"));
    assertThat(admin.get("paths").has("/api/v1/operations/{id}/retry")).isTrue();
  }
}
