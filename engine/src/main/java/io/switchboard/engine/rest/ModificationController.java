package io.switchboard.engine.rest;

import io.camunda.client.protocol.rest.ProcessInstanceMigrationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationInstruction;
import io.switchboard.engine.Engine;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An operator's repairs of running process instances: modification and migration. */
@RestController
@RequestMapping(
    path = "${switchboard.engine.base-path:/v2}",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class ModificationController {
  private final Engine engine;

  public ModificationController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping(
      path = "/process-instances/{key}/modification",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompletableFuture<ResponseEntity<Void>> modify(
      @PathVariable String key,
      @RequestBody(required = false) ProcessInstanceModificationInstruction request) {
    return noContent(engine.modifications().modify(key, request));
  }

  @PostMapping(
      path = "/process-instances/{key}/migration",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompletableFuture<ResponseEntity<Void>> migrate(
      @PathVariable String key,
      @RequestBody(required = false) ProcessInstanceMigrationInstruction request) {
    return noContent(engine.migrations().migrate(key, request));
  }

  private static CompletableFuture<ResponseEntity<Void>> noContent(CompletableFuture<Void> done) {
    return done.thenApply(v -> ResponseEntity.status(HttpStatus.NO_CONTENT).build());
  }
}
