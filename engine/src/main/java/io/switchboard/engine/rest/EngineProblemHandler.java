package io.switchboard.engine.rest;

import io.switchboard.engine.processor.EngineException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/** Answers engine errors as RFC 9457 problem+json with Camunda's titles and statuses. */
@RestControllerAdvice(basePackageClasses = EngineProblemHandler.class)
public class EngineProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EngineProblemHandler.class);

  @ExceptionHandler(EngineException.class)
  public ResponseEntity<ProblemDetail> rejected(EngineException e) {
    return problem(e.status(), e.title(), e.getMessage());
  }

  @ExceptionHandler(CompletionException.class)
  public ResponseEntity<ProblemDetail> completion(CompletionException e) {
    if (e.getCause() instanceof EngineException engine) {
      return rejected(engine);
    }
    return unexpected(e.getCause() != null ? e.getCause() : e);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MultipartException.class})
  public ResponseEntity<ProblemDetail> unreadable(Exception e) {
    return problem(400, "INVALID_ARGUMENT", "The request could not be read: " + e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Throwable e) {
    LOG.error("Engine request failed", e);
    return problem(500, "INTERNAL", String.valueOf(e.getMessage()));
  }

  static ResponseEntity<ProblemDetail> problem(int status, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    body.setTitle(title);
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
