package io.switchboard.api.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.switchboard.api.logging.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * RFC 9457 problem+json for every API error. Validation problems list each field at fault under
 * {@code errors}, and the first one also as {@code field}, so clients can point at the input.
 */
@RestControllerAdvice(basePackages = "io.switchboard.api")
public class ApiProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblemHandler.class);

  record FieldError(String field, String message) {}

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Switchboard\"")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem(e.status(), e.getMessage(), List.of()).getBody());
    }
    if (e.field() == null) {
      return problem(e.status(), e.getMessage(), List.of());
    }
    if (e.problems().size() > 1) {
      return problem(
          e.status(),
          "Invalid request: " + e.getMessage(),
          e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    }
    return problem(
        e.status(),
        e.field() + ": " + e.getMessage(),
        List.of(new FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    String detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    return problem(HttpStatus.BAD_REQUEST, "Invalid request: " + detail, errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (BodySizeLimit.isTooLarge(e)) {
      return tooLarge();
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      String message =
          mapping instanceof UnrecognizedPropertyException
              ? "unknown field"
              : mapping instanceof InvalidFormatException format
                  ? "invalid value '" + format.getValue() + "'" + allowed(format.getTargetType())
                  : "invalid value";
      return problem(
          HttpStatus.BAD_REQUEST,
          "Invalid request: " + field + ": " + message,
          List.of(new FieldError(field, message)));
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", List.of());
  }

  private static String allowed(Class<?> type) {
    if (type != null && type.isEnum()) {
      return ", expected one of " + List.of(type.getEnumConstants());
    }
    return "";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    String message = "invalid value '" + e.getValue() + "'" + allowed(e.getRequiredType());
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request: " + e.getName() + ": " + message,
        List.of(new FieldError(e.getName(), message)));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request: " + e.getParameterName() + ": is required",
        List.of(new FieldError(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request: " + e.getRequestPartName() + ": is required",
        List.of(new FieldError(e.getRequestPartName(), "is required")));
  }

  @ExceptionHandler(PropertyReferenceException.class)
  ResponseEntity<ProblemDetail> badSort(PropertyReferenceException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request: sort: unknown property '" + e.getPropertyName() + "'",
        List.of(new FieldError("sort", "unknown property '" + e.getPropertyName() + "'")));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e) {
    return problem(
        HttpStatus.CONFLICT,
        "The object was changed by someone else; read it again and retry",
        List.of());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    LOG.info("Integrity violation: {}", LogSafe.of(e.getMostSpecificCause().getMessage()));
    return problem(
        HttpStatus.CONFLICT,
        "The change conflicts with existing data (a duplicate or a reference in use)",
        List.of());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  @ExceptionHandler(BodySizeLimit.TooLargeException.class)
  ResponseEntity<ProblemDetail> bodyTooLarge() {
    return tooLarge();
  }

  private static ResponseEntity<ProblemDetail> tooLarge() {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.detailFor(413), List.of());
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
    return problem(HttpStatus.UNAUTHORIZED, Problems.detailFor(401), List.of());
  }

  /**
   * Everything else: Spring's own errors (unsupported media type, missing path variable, ...)
   * answer their status with a fixed detail; anything unexpected is logged with a reference and
   * answers 500 with that reference only, never the exception.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (BodySizeLimit.isTooLarge(e)) {
      return tooLarge();
    }
    if (e instanceof ErrorResponse known && known.getStatusCode().value() < 500) {
      // Spring's own 4xx details are written for clients (which media types, which parameter)
      int status = known.getStatusCode().value();
      ProblemDetail body = known.getBody();
      body.setType(URI.create("about:blank"));
      if (body.getDetail() == null) {
        body.setDetail(Problems.detailFor(status));
      }
      return ResponseEntity.status(status)
          .headers(known.getHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(body);
    }
    String reference = UUID.randomUUID().toString();
    LOG.error(
        "Unexpected error {} on {} {}",
        reference,
        request.getMethod(),
        LogSafe.of(request.getRequestURI()),
        LogSafe.failure(e));
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "An internal error occurred (reference " + reference + ")",
        List.of());
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, List<FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("about:blank"));
    if (!errors.isEmpty()) {
      body.setProperty("field", errors.get(0).field());
      body.setProperty(
          "errors",
          errors.stream()
              .map(f -> Map.of("field", f.field(), "message", String.valueOf(f.message())))
              .toList());
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
