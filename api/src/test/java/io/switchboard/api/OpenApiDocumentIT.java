package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The published API documents are complete: every operation has a summary, a description and
 * exactly one tag (one per resource), every tag is declared with a description, and the admin group
 * holds only {@code /api/v1}.
 */
class OpenApiDocumentIT extends ApiIT {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private JsonNode document(String group) {
    ResponseEntity<JsonNode> response = anonymous.get("/v3/api-docs/" + group);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  /** "METHOD path: what is missing" for each incomplete operation of the document. */
  private static List<String> incomplete(JsonNode doc) {
    Set<String> declared = new HashSet<>();
    List<String> problems = new ArrayList<>();
    doc.path("tags")
        .forEach(
            tag -> {
              declared.add(tag.path("name").asText());
              if (tag.path("description").asText("").isBlank()) {
                problems.add("tag " + tag.path("name").asText() + ": no description");
              }
            });
    doc.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (!METHODS.contains(op.getKey())) {
                            return;
                          }
                          String name = op.getKey().toUpperCase() + " " + path.getKey();
                          JsonNode operation = op.getValue();
                          if (operation.path("summary").asText("").isBlank()) {
                            problems.add(name + ": no summary");
                          }
                          if (operation.path("description").asText("").isBlank()) {
                            problems.add(name + ": no description");
                          }
                          JsonNode tags = operation.path("tags");
                          if (tags.size() != 1) {
                            problems.add(name + ": " + tags.size() + " tags, expected one");
                          } else if (!declared.contains(tags.get(0).asText())) {
                            problems.add(name + ": tag " + tags.get(0) + " is not declared");
                          }
                        }));
    return problems;
  }

  @Test
  void adminApiHasOnlyV1OperationsEachWithSummaryDescriptionAndOneTag() {
    JsonNode doc = document("admin");

    List<String> paths = new ArrayList<>();
    doc.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).isNotEmpty().allMatch(p -> p.startsWith("/api/v1/"), "is under /api/v1");
    assertThat(paths).contains("/api/v1/devices/{id}", "/api/v1/operations", "/api/v1/users");
    assertThat(incomplete(doc)).isEmpty();
  }

  @Test
  void deviceApiOperationsHaveSummaryDescriptionAndOneTag() {
    JsonNode doc = document("devices");

    assertThat(doc.path("paths").size()).isPositive();
    assertThat(incomplete(doc)).isEmpty();
  }

  @Test
  void devicePatchIsDocumentedAsAMergePatchOfTheDeviceFields() {
    JsonNode patch = document("admin").path("paths").path("/api/v1/devices/{id}").path("patch");

    JsonNode content = patch.path("requestBody").path("content");
    assertThat(content.has("application/merge-patch+json")).isTrue();
    assertThat(content.path("application/merge-patch+json").path("schema").path("$ref").asText())
        .as("the body is documented as the device's fields, not as any JSON")
        .endsWith("/DeviceUpdate");
  }
}
