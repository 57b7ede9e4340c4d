package io.switchboard.api.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page, as problem+json: whatever reaches the servlet container's error dispatch (an
 * unknown URL, a method or media type no handler takes, an error outside any controller) answers
 * with its status and a fixed detail, never the exception, a stack trace or the error's message.
 * Replaces Spring Boot's {@code BasicErrorController}.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    if (status < 400) {
      status = 500;
    }
    ProblemDetail problem = Problems.of(status, Problems.detailFor(status));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && path.startsWith("/")) {
      try {
        problem.setInstance(URI.create(path));
      } catch (IllegalArgumentException ignored) {
        // a path that is not a valid URI reference is simply not echoed
      }
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
