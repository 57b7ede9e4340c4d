package io.switchboard.engine.rest;

import io.camunda.client.protocol.rest.ClockPinRequest;
import io.switchboard.engine.Engine;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clock control ({@code PUT /v2/clock}, {@code POST /v2/clock/reset}), off unless enabled. */
@RestController
@RequestMapping(
    path = "${switchboard.engine.base-path:/v2}",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class ClockController {
  private final Engine engine;

  public ClockController(Engine engine) {
    this.engine = engine;
  }

  @PutMapping(path = "/clock", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompletableFuture<ResponseEntity<Void>> pin(@RequestBody ClockPinRequest request) {
    return noContent(engine.clock().pin(request.getTimestamp()));
  }

  @PostMapping("/clock/reset")
  public CompletableFuture<ResponseEntity<Void>> reset() {
    return noContent(engine.clock().reset());
  }

  private static CompletableFuture<ResponseEntity<Void>> noContent(CompletableFuture<Void> done) {
    return done.thenApply(v -> ResponseEntity.status(HttpStatus.NO_CONTENT).build());
  }
}
