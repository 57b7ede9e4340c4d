package io.switchboard.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskSearchQueryResult;
import io.camunda.client.protocol.rest.UserTaskUpdateRequest;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.switchboard.engine.Engine;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.query.EngineQueries;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Camunda user task endpoints ({@code /v2/user-tasks/...}) the official client calls. */
@RestController
@RequestMapping(
    path = "${switchboard.engine.base-path:/v2}",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class UserTaskController {
  private final Engine engine;
  private final EngineQueries queries;

  public UserTaskController(Engine engine, EngineQueries queries) {
    this.engine = engine;
    this.queries = queries;
  }

  @PostMapping("/user-tasks/{key}/assignment")
  public CompletableFuture<ResponseEntity<Void>> assign(
      @PathVariable String key, @RequestBody UserTaskAssignmentRequest request) {
    return noContent(engine.userTasks().assign(key, request));
  }

  @DeleteMapping("/user-tasks/{key}/assignee")
  public CompletableFuture<ResponseEntity<Void>> unassign(@PathVariable String key) {
    return noContent(engine.userTasks().unassign(key));
  }

  @PostMapping("/user-tasks/{key}/completion")
  public CompletableFuture<ResponseEntity<Void>> complete(
      @PathVariable String key, @RequestBody(required = false) UserTaskCompletionRequest request) {
    return noContent(engine.userTasks().complete(key, request));
  }

  @PatchMapping("/user-tasks/{key}")
  public CompletableFuture<ResponseEntity<Void>> update(
      @PathVariable String key, @RequestBody(required = false) UserTaskUpdateRequest request) {
    return noContent(engine.userTasks().update(key, request));
  }

  @GetMapping("/user-tasks/{key}")
  public CompletableFuture<UserTaskResult> get(@PathVariable String key) {
    return engine.userTasks().get(key);
  }

  /** The task's linked form; 204 when it has none, as Camunda answers. */
  @GetMapping("/user-tasks/{key}/form")
  public CompletableFuture<ResponseEntity<FormResult>> form(@PathVariable String key) {
    return engine
        .userTasks()
        .form(key)
        .thenApply(
            form ->
                form.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build()));
  }

  @PostMapping("/user-tasks/search")
  public CompletableFuture<UserTaskSearchQueryResult> search(
      @RequestBody(required = false) JsonNode query) {
    return engine.userTasks().search(query);
  }

  /**
   * Variables visible to the task: those of its element instance and of every scope around it, as
   * Camunda answers it; the request's own filter ({@code name}), sort and page apply on top.
   */
  @PostMapping("/user-tasks/{key}/variables/search")
  public CompletableFuture<VariableSearchQueryResult> variables(
      @PathVariable String key, @RequestBody(required = false) JsonNode query) {
    return engine
        .userTasks()
        .scopeKeys(key)
        // the SQL search must not run on the engine's processor thread, which completes the future
        .thenApplyAsync(
            scopes -> {
              ObjectNode body =
                  query != null && query.isObject()
                      ? ((ObjectNode) query).deepCopy()
                      : JsonNodeFactory.instance.objectNode();
              JsonNode given = body.path("filter");
              ObjectNode filter =
                  given.isObject() ? (ObjectNode) given : JsonNodeFactory.instance.objectNode();
              filter
                  .fieldNames()
                  .forEachRemaining(
                      name -> {
                        if (!name.equals("name")) {
                          throw EngineException.invalidArgument(
                              "Unknown field '" + name + "' in the user task variable filter");
                        }
                      });
              var in = filter.putObject("scopeKey").putArray("$in");
              scopes.forEach(scope -> in.add(String.valueOf(scope)));
              body.set("filter", filter);
              return queries.searchVariables(body);
            });
  }

  private static CompletableFuture<ResponseEntity<Void>> noContent(CompletableFuture<Void> done) {
    return done.thenApply(v -> ResponseEntity.status(HttpStatus.NO_CONTENT).build());
  }
}
