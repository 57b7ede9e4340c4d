package io.switchboard.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only: a handler that fails unexpectedly, to see what a 500 tells the client; not part of the
 * published API, so hidden from the OpenAPI document.
 */
@Hidden
@RestController
class FailingTestController {
  static final String PATH = "/api/v1/test-only/failure";
  static final String INTERNALS = "jdbc:h2:file:/secret/path password=hunter2";

  @GetMapping(PATH)
  String fail() {
    throw new IllegalStateException(INTERNALS);
  }
}
