package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every error answers RFC 9457 problem+json with its status and nothing internal. */
class ErrorContractIT extends ApiIT {

  private static void assertProblem(ResponseEntity<?> response, int status) {
    assertThat(response.getStatusCode().value())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .satisfies(
            t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
  }

  private ResponseEntity<JsonNode> raw(
      Caller caller, HttpMethod method, String path, String contentType, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (contentType != null) {
      headers.setContentType(MediaType.valueOf(contentType));
    }
    return caller
        .template()
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void anUnknownAddressIsA404ProblemForASignedInUser() {
    Caller viewer = user(Role.TENANT_VIEWER, null, newTenant(null));
    for (String path : java.util.List.of("/api/v1/nothing-here", "/nothing/at/all")) {
      ResponseEntity<JsonNode> response = viewer.get(path);
      assertProblem(response, 404);
      assertThat(response.getBody().get("status").asInt()).isEqualTo(404);
    }
  }

  @Test
  void anonymousCallsGetA401ProblemWithAChallenge() {
    ResponseEntity<JsonNode> response = anonymous.get("/api/v1/sites");
    assertProblem(response, 401);
    assertThat(response.getHeaders().get("WWW-Authenticate")).anyMatch(v -> v.startsWith("Basic"));
    assertProblem(
        rest.withBasicAuth(ADMIN, "wrong").getForEntity("/api/v1/sites", String.class), 401);
  }

  @Test
  void aForbiddenActionIsA403Problem() {
    Caller viewer = user(Role.TENANT_VIEWER, null, newTenant(null));
    assertProblem(viewer.get("/v2/topology"), 403);
  }

  @Test
  void anUnsupportedMethodIsA405ProblemThatSaysWhatIsAllowed() {
    ResponseEntity<JsonNode> response =
        raw(admin, HttpMethod.PATCH, "/api/v1/opcos", "application/json", "{}");
    assertProblem(response, 405);
    assertThat(response.getHeaders().getAllow()).contains(HttpMethod.GET, HttpMethod.POST);
  }

  @Test
  void anUnsupportedContentTypeIsA415Problem() {
    assertProblem(raw(admin, HttpMethod.POST, "/api/v1/opcos", "text/plain", "name=x"), 415);
    assertProblem(raw(admin, HttpMethod.PATCH, "/api/v1/users/x", "application/xml", "<x/>"), 415);
  }

  @Test
  void anUnexpectedFailureIsA500ProblemWithoutInternals() {
    ResponseEntity<JsonNode> response = admin.get(FailingTestController.PATH);
    assertProblem(response, 500);
    assertThat(response.getBody().toString())
        .doesNotContain("hunter2", "jdbc", "IllegalStateException", "at io.switchboard")
        .contains("reference");
  }

  @Test
  void anOversizedBodyIsA413ProblemAndStoresNothing() {
    String name = unique("big");
    String body = "{\"name\":\"" + name + "\",\"description\":\"" + "x".repeat(140_000) + "\"}";
    assertProblem(raw(admin, HttpMethod.POST, "/api/v1/opcos", "application/json", body), 413);
    assertThat(admin.get("/api/v1/opcos?name=" + name).getBody().get("totalItems").asLong())
        .isZero();
    assertProblem(
        raw(
            anonymous,
            HttpMethod.POST,
            "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device=X/progress",
            "application/json",
            body),
        413);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "page=-1, page",
    "size=0, size",
    "size=201, size",
    "page=2147483647, page",
    "page=99999999999999999999, page",
    "size=ten, size"
  })
  void badPagingIsA400ProblemNamingTheParameter(String query, String field) {
    for (String list : java.util.List.of("/api/v1/sites", "/api/v1/users", "/api/v1/operations")) {
      ResponseEntity<JsonNode> response = admin.get(list + "?" + query);
      assertProblem(response, 400);
      assertThat(response.getBody().get("field").asText()).as(list).isEqualTo(field);
    }
    assertThat(admin.get("/api/v1/sites?page=0&size=200").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aMalformedBodyIsAProblemToo() {
    assertProblem(admin.call(HttpMethod.POST, "/api/v1/opcos", Map.of("name", 42, "x", 1)), 400);
  }
}
